package cn.gov.xining.hotline.security.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared limits on a real Tomcat, as a careless or hostile client meets them. */
@SpringBootTest(
    classes = EchoApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.security.oauth2.resourceserver.jwt.issuer-uri=${hotline.issuer}",
      "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=${hotline.issuer}/oauth2/jwks",
      // No broker here: the audit trail's entries are dropped, its topic is not declared.
      "spring.kafka.admin.auto-create=false",
      "hotline.http.max-request-size=4KB",
      "hotline.http.body-read-timeout=1s",
      "hotline.http.read-timeout=3s"
    })
class RequestLimitsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void aBodyDeclaredLargerThanTheLimitIsRefusedUnreadWith413() throws Exception {
    var response = post("application/json", HttpRequest.BodyPublishers.ofString("x".repeat(5000)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JsonPath.<String>read(response.body(), "$.type")).endsWith("/request-too-large");
    assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("5000", "4096");
  }

  @Test
  void aChunkedBodyIsCutOffTheMomentItPassesTheLimit() throws Exception {
    // given a body of unknown length (sent in chunks) far over the limit
    byte[] large =
        ("{\"content\":\"" + "长".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);

    var response =
        post(
            "application/json",
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JsonPath.<String>read(response.body(), "$.title")).startsWith("请求内容过大");
  }

  @Test
  void aChunkedFormIsHeldToTheSameLimit() throws Exception {
    byte[] form = ("content=" + "a".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);

    var response =
        send(
            "/api/forms",
            "application/x-www-form-urlencoded",
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)));

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void aBodyWithinTheLimitIsReadAsUsual() throws Exception {
    var response =
        post(
            "application/json",
            HttpRequest.BodyPublishers.ofInputStream(
                () ->
                    new ByteArrayInputStream(
                        "{\"content\":\"路灯不亮\",\"location\":{\"latitude\":36.6}}"
                            .getBytes(StandardCharsets.UTF_8))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(response.body(), "$.content")).isEqualTo("路灯不亮");
  }

  @Test
  void aBodyTrickledInSlowerThanTheDeadlineIsRefusedWith408() throws Exception {
    // given a client that declares 100 bytes and sends one every 200 ms
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/appeals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 100\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = trickleUntilAnswered(out, socket.getInputStream());

      // then it is answered 408 once the body deadline (1 s) has passed, long before the 100 bytes
      assertThat(answer).startsWith("HTTP/1.1 408").contains("请求发送过慢");
    }
  }

  @Test
  void aFormTrickledInSlowerThanTheDeadlineIsRefusedWith408AsAJsonBodyIs() throws Exception {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/forms HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: 100\r\n\r\na=")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = trickleUntilAnswered(out, socket.getInputStream());

      assertThat(answer).startsWith("HTTP/1.1 408");
    }
  }

  @Test
  void aFormsFieldsAreTheQueryStringsAndTheBodysReadFromMemory() throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/forms?fromQuery=1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new ByteArrayInputStream(
                                "content=%E8%B7%AF%E7%81%AF&address=x"
                                    .getBytes(StandardCharsets.US_ASCII))))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(response.body(), "$.fields"))
        .containsExactlyInAnyOrder("fromQuery", "content", "address");
  }

  @Test
  void unknownFieldsAreRefusedByNameWithTheFieldEachProbablyMeant() throws Exception {
    var response =
        post(
            "application/json",
            HttpRequest.BodyPublishers.ofString(
                """
                {"content":"路灯不亮","adress":"城东区","calerPhone":"13800000000",
                 "location":{"latitude":36.6,"longtitude":101.7},"color":"red"}
                """));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<String>read(response.body(), "$.type")).endsWith("/unknown-fields");
    assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field"))
        .containsExactly("adress", "calerPhone", "color", "location.longtitude");
    assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].didYouMean"))
        .containsExactly("address", "callerPhone", "longitude");
    assertThat(JsonPath.<String>read(response.body(), "$.detail"))
        .startsWith("未知字段：adress（是否应为 address？）");
  }

  private HttpResponse<String> post(String type, HttpRequest.BodyPublisher body) throws Exception {
    return send("/api/appeals", type, body);
  }

  private HttpResponse<String> send(String path, String type, HttpRequest.BodyPublisher body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", type)
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * A client that sends a space every 200 ms (its own pace, on a timer) while this thread reads the
   * server's answer, which must come before the socket's 10 s timeout.
   */
  private static String trickleUntilAnswered(OutputStream out, InputStream in) throws IOException {
    var client = Executors.newSingleThreadScheduledExecutor();
    client.scheduleAtFixedRate(
        () -> {
          try {
            out.write(' ');
            out.flush();
          } catch (IOException closedByServer) {
            client.shutdown();
          }
        },
        200,
        200,
        TimeUnit.MILLISECONDS);
    try {
      var answer = new StringBuilder();
      var buffer = new byte[4096];
      int n;
      while (answer.indexOf("\r\n\r\n") < 0 || !answer.toString().contains("}")) {
        n = in.read(buffer);
        if (n < 0) {
          break;
        }
        answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      return answer.toString();
    } finally {
      client.shutdownNow();
    }
  }
}
