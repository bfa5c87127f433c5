package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's run command and walk-through, as a newcomer types them: {@code bin/hotline up
 * --detach}, the curl POST, {@code bin/hotline watch}, the daily report, a restart that keeps the
 * data, {@code bin/hotline down}. Uses the fixed ports of the README, so it is skipped (not failed)
 * where something else already listens on them, e.g. a developer's running system.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunCommandIT {

  private static final List<Integer> PORTS = List.of(9092, 9093, 9000, 8081, 8082, 8083, 8084);
  private static final List<Integer> CLUSTER_PORTS =
      List.of(9192, 9193, 9292, 9293, 5432, 8091, 8092, 8093, 8094);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String WAGE_CALL =
      """
      {"channel":"hotline-phone","appealType":"COMPLAINT",
       "content":"来电人反映在城北区某工地务工，老板拖欠三个月工资。",
       "address":"城北区柴达木路","districtCode":"630105","topicCode":"wage-arrears"}
      """;

  private final Path repository =
      Path.of(System.getProperty("hotline.repository", "..")).toAbsolutePath().normalize();
  private final Path runDir = Path.of("target", "run-command").toAbsolutePath();
  private String ticketNumber;

  /**
   * Tokens as the README gets them, by {@code bin/hotline token}; the identity provider signs with
   * a new key each time it starts, so they are fetched again after every {@code up}.
   */
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  @BeforeAll
  void upDetached() throws Exception {
    assumeTrue(PORTS.stream().allMatch(RunCommandIT::free), "ports " + PORTS + " are in use");
    deleteRecursively(runDir);
    var up = hotline("up", "--detach");
    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(up.output())
        .contains("The hotline is up", "http://127.0.0.1:8081/api/tickets", "Profile 'dev'");
  }

  @AfterAll
  void down() throws Exception {
    if (Files.exists(runDir.resolve("pids"))) {
      var down = hotline("down");
      assertThat(down.exitCode()).as(down.output()).isZero();
    }
  }

  @Test
  @Order(1)
  void theWalkThroughWorksAsWritten() throws Exception {
    var created = post(WAGE_CALL);
    assertThat(created.statusCode()).isEqualTo(201);
    ticketNumber = JsonPath.read(created.body(), "$.ticketNumber");

    var watch =
        hotline("watch", "assignments-hrss", "--max-messages", "1", "--timeout-ms", "60000");
    assertThat(watch.output()).contains(ticketNumber, "\"unit\":\"hrss\"", "拖欠三个月工资");

    await("daily count")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(dailyReport()).contains("\"received\":1"));
    // the bulletin as the README's walk-through prints it
    assertThat(get("http://127.0.0.1:8083/api/reports/days/today/bulletin", "manager").body())
        .contains("共受理群众来电1个", "转交责任单位办理1件")
        .contains("一是工资纠纷1件，主要反映拖欠工资问题，无集中反映地址，已联系市人力资源和社会保障局（劳动保障监察）");

    // labour inspection signs for it over handling's REST API
    await("the case is open")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(caseFile()).contains("\"status\":\"ASSIGNED\""));
    assertThat(
            postTo(
                    "http://127.0.0.1:8084/api/cases/" + ticketNumber + "/progress",
                    "unit-hrss",
                    "{\"kind\":\"ACCEPTED\"}")
                .statusCode())
        .isEqualTo(202);
    await("signed for")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(caseFile()).contains("\"status\":\"ACCEPTED\""));
  }

  @Test
  @Order(2)
  void startingTwiceIsRefusedAndChangesNothing() throws Exception {
    var again = hotline("up", "--detach");

    assertThat(again.exitCode()).isNotZero();
    assertThat(again.output()).contains("already running");
    assertThat(get("http://127.0.0.1:8081/actuator/health", null).body()).contains("UP");
  }

  @Test
  @Order(3)
  void aServiceThatDiesIsRestartedAndItsLogKeptWhileTheOthersGoOn() throws Exception {
    var pids = runDir.resolve("pids");
    long dead = Long.parseLong(Files.readString(pids.resolve("routing-service.pid")).strip());
    ProcessHandle.of(dead).ifPresent(ProcessHandle::destroyForcibly);

    await("routing restarted by the supervisor")
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(Files.readString(runDir.resolve("logs/supervisor.log")))
                  .contains("routing-service exited unexpectedly", "routing-service restarted");
              assertThat(get("http://127.0.0.1:8082/actuator/health", null).body()).contains("UP");
            });
    assertThat(Long.parseLong(Files.readString(pids.resolve("routing-service.pid")).strip()))
        .isNotEqualTo(dead);
    assertThat(runDir.resolve("logs/routing-service.log.1")).as("the dead one's log").exists();
    assertThat(get("http://127.0.0.1:8081/actuator/health", null).body())
        .as("intake went on meanwhile")
        .contains("UP");
  }

  @Test
  @Order(4)
  void ticketsAndFiguresSurviveARestart() throws Exception {
    assertThat(hotline("down").exitCode()).isZero();
    var up = hotline("up", "--detach");
    assertThat(up.exitCode()).as(up.output()).isZero();
    tokens.clear();

    await("figures after restart")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(dailyReport()).contains("\"received\":1"));
    var next = post(WAGE_CALL);
    assertThat(next.statusCode()).isEqualTo(201);
    assertThat(JsonPath.<String>read(next.body(), "$.ticketNumber")).isNotEqualTo(ticketNumber);

    // the handling state survived the broker's and every service's restart, and goes on from there
    await("case after restart")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(caseFile()).contains("\"status\":\"ACCEPTED\"", "unit-hrss"));
    assertThat(
            postTo(
                    "http://127.0.0.1:8084/api/cases/" + ticketNumber + "/progress",
                    "unit-hrss",
                    "{\"unit\":\"hrss\",\"kind\":\"RESOLVED\",\"text\":\"已督促企业结清工资\"}")
                .statusCode())
        .isEqualTo(202);
    await("resolved after restart")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(caseFile()).contains("\"status\":\"RESOLVED\""));
  }

  /**
   * The README's cluster mode: three brokers, one PostgreSQL, two instances of each service. A
   * ticket taken by intake's second instance is known to the first, its case is found from both
   * handling instances, and both reporting instances count it.
   */
  @Test
  @Order(5)
  void theClusterModeAnswersFromEveryInstance() throws Exception {
    assumeTrue(CLUSTER_PORTS.stream().allMatch(RunCommandIT::free), "ports in use");
    assertThat(hotline("down").exitCode()).isZero();
    var up = hotline("up", "--cluster", "--detach");
    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(up.output())
        .contains("The hotline is up", "127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292")
        .contains("intake-service-2", "handling-service-2");
    tokens.clear();

    var created = postTo("http://127.0.0.1:8091/api/tickets", "operator", WAGE_CALL);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = JsonPath.read(created.body(), "$.ticketNumber");
    assertThat(get("http://127.0.0.1:8081/api/tickets/" + number, "operator").statusCode())
        .as("intake's first instance knows the second's ticket")
        .isEqualTo(200);
    for (int port : List.of(8084, 8094)) {
      await("the case from handling on " + port)
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(
                          get("http://127.0.0.1:" + port + "/api/cases/" + number, "unit-hrss")
                              .body())
                      .contains("\"status\":\"ASSIGNED\""));
    }
    for (int port : List.of(8083, 8093)) {
      await("the day's count from reporting on " + port)
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(
                          get("http://127.0.0.1:" + port + "/api/reports/days/today", "manager")
                              .body())
                      .contains("\"received\":1,"));
    }
    var status = hotline("status");
    assertThat(status.output()).contains("kafka-3", "running", "postgres", "reporting-service-2");
  }

  private String caseFile() throws Exception {
    var response = get("http://127.0.0.1:8084/api/cases/" + ticketNumber, "unit-hrss");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private String dailyReport() throws Exception {
    var response = get("http://127.0.0.1:8083/api/reports/days/today", "manager");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private record Result(int exitCode, String output) {}

  private Result hotline(String... args) throws Exception {
    var command = new java.util.ArrayList<String>();
    command.add(repository.resolve("bin/hotline").toString());
    command.addAll(List.of(args));
    var builder =
        new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
    builder.environment().put("HOTLINE_RUN_DIR", runDir.toString());
    // Nine services starting at once in cluster mode on two cores take more than the default.
    builder.environment().put("HOTLINE_HEALTH_TIMEOUT", "300");
    Path output = Files.createTempFile("hotline", ".out");
    var process = builder.redirectOutput(output.toFile()).start();
    if (!process.waitFor(420, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  /** The operator posts a ticket, signed in as the README shows. */
  private HttpResponse<String> post(String json) throws Exception {
    return postTo("http://127.0.0.1:8081/api/tickets", "operator", json);
  }

  private HttpResponse<String> postTo(String url, String principal, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token(principal))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url, String principal) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url));
    if (principal != null) {
      request.header("Authorization", "Bearer " + token(principal));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token(String principal) throws Exception {
    String kept = tokens.get(principal);
    if (kept != null) {
      return kept;
    }
    var token = hotline("token", principal);
    assertThat(token.exitCode()).as(token.output()).isZero();
    String value = token.output().strip();
    tokens.put(principal, value);
    return value;
  }

  private static boolean free(int port) {
    try (var socket = new ServerSocket()) {
      socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
