package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.RestartableBroker;
import cn.gov.xining.hotline.testsupport.SignIn;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/**
 * End to end on a broker as the run command starts it: SASL/SCRAM, the authorizer on, each service
 * and each unit its own principal with the ACLs of {@code deploy/kafka-security.yaml}. Besides the
 * shared scenarios: a unit's system on Kafka reads only its own assignments and speaks only for
 * itself, and nothing it forges reaches routing, handling or intake.
 */
class EndToEndOnSecuredKafkaIT extends EndToEndScenarios {

  /** Started with the class, stopped with the JVM: after the services, which need it to stop. */
  private static final RestartableBroker BROKER = SecuredKafka.started();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(BROKER::close));
  }

  @Override
  String bootstrapServers() {
    return BROKER.bootstrapServers();
  }

  @Override
  TopicProbe probe() {
    return SecuredKafka.adminProbe(BROKER);
  }

  @Test
  void everyServiceFindsTheTopicsItDeclaresMadeByOperationsAndIsRefusedNone() throws Exception {
    // No service may create a topic on this broker: the file's topics must be every one they
    // declare, with the partitions and settings they expect, or their start-up check logs it.
    for (ServiceProcess service : services()) {
      assertThat(service.logText())
          .as("log at %s", service.url("/"))
          .doesNotContain("Could not configure topics")
          .doesNotContain("TopicAuthorizationException");
    }
  }

  @Test
  void swaggerUiSignsAnOperatorInAtTheIdentityProviderAndTriesTheApiWithTheToken()
      throws Exception {
    var intake = services().get(0);
    var http = HttpClient.newHttpClient();
    // given what intake tells Swagger UI: where to sign in, which client, with PKCE, and where
    // the provider sends the browser back
    String docs = body(http, intake.url("/v3/api-docs"));
    assertThat(
            JsonPath.<String>read(
                docs, "$.components.securitySchemes.signIn.flows.authorizationCode.tokenUrl"))
        .isEqualTo(IdentityProvider.issuer() + "/oauth2/token");
    String redirect =
        JsonPath.read(body(http, intake.url("/v3/api-docs/swagger-config")), "$.oauth2RedirectUrl");
    assertThat(redirect).isEqualTo(intake.url("/swagger-ui/oauth2-redirect.html"));
    assertThat(body(http, intake.url("/swagger-ui/swagger-initializer.js")))
        .contains("swagger-ui")
        .contains("usePkceWithAuthorizationCodeGrant");

    // when the operator signs in as Swagger UI does: its public client, its redirect, the token
    // fetched by the page's script
    var token =
        new SignIn(IdentityProvider.issuer())
            .browserSignIn("swagger-ui", redirect, "operator", "operator-dev");

    // then the provider lets the page read the token, and "Try it out" with it takes a ticket
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue(intake.url(""));
    String accessToken = JsonPath.read(token.body(), "$.access_token");
    var posted =
        http.send(
            HttpRequest.newBuilder(URI.create(intake.url("/api/tickets")))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"channel\":\"hotline-phone\",\"content\":\"小区路灯坏了一个月没人修。\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
  }

  private static String body(HttpClient http, String url) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  @Test
  void aUnitsSystemReadsOnlyItsOwnAssignmentsAndSpeaksOnlyForItself() throws Exception {
    String number =
        accepted(
            """
            {"channel":"hotline-phone","appealType":"COMPLAINT",
             "content":"来电人反映在城北区一家物流公司做装卸，公司拖欠两个月工资未结。",
             "address":"城北区朝阳东路12号","districtCode":"630105","topicCode":"wage-arrears"}
            """);
    awaitCase(number, "ASSIGNED");
    var hrss = new TopicProbe(BROKER.bootstrapServers(), SecuredKafka.login(BROKER, "unit-hrss"));

    // Its own assignments, and nobody else's.
    assertThat(hrss.recordsFor(Topics.assignmentsOf("hrss"), number)).hasSize(1);
    refused(() -> hrss.readAll(Topics.assignmentsOf("heating")));
    refused(() -> hrss.readAll(Topics.TICKETS_RECEIVED));
    // It cannot invent a ticket, a decision or another unit's report.
    refused(() -> hrss.receive("伪造的工单", null, "630105", "wage-arrears"));
    refused(() -> hrss.sendRaw(Topics.ROUTING_DECISIONS, number, "{}"));
    refused(() -> hrss.sendRaw(Topics.progressOf("heating"), number, "{}"));
    refused(() -> hrss.sendRaw(Topics.TICKET_PROGRESS, number, "{}"));

    // On its own topic, a report naming the assisting district government is not applied.
    String forged = report(number, "gov-630105", "RESOLVED", "\"text\":\"冒名办结\"");
    hrss.sendRaw(Topics.progressOf("hrss"), number, forged);
    hrss.sendRaw(
        Topics.progressOf("hrss"), number, report(number, "hrss", "ACCEPTED", "\"by\":\"张科长\""));

    awaitCase(number, "ACCEPTED");
    var admin = probe();
    await("the forged report dead-lettered")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(admin.recordsFor(Topics.deadLetterOf(Topics.progressOf("hrss")), number))
                    .extracting(record -> record.value())
                    .containsExactly(forged));
    assertThat(
            admin.recordsFor(Topics.TICKET_LIFECYCLE, number).stream()
                .map(record -> JsonPath.<String>read(record.value(), "$.kind"))
                .toList())
        .containsExactly("OPENED", "ACCEPTED");
    // What became of its reports it reads on its own lifecycle topic, never on another unit's.
    await("the unit's own lifecycle")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        hrss.recordsFor(Topics.lifecycleOf("hrss"), number).stream()
                            .map(record -> JsonPath.<String>read(record.value(), "$.kind"))
                            .toList())
                    .containsExactly("OPENED", "ACCEPTED"));
    refused(() -> hrss.readAll(Topics.lifecycleOf("heating")));
    refused(() -> hrss.readAll(Topics.TICKET_LIFECYCLE));
  }

  /** The broker's authorizer refuses it, however deep the client wraps the refusal. */
  private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .satisfies(
            thrown -> {
              Throwable cause = thrown;
              while (!(cause instanceof TopicAuthorizationException) && cause.getCause() != null) {
                cause = cause.getCause();
              }
              assertThat(cause).isInstanceOf(TopicAuthorizationException.class);
            });
  }

  private static String report(String number, String unit, String kind, String more) {
    return "{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"unit\":\"%s\",\"kind\":\"%s\",\"at\":\"2026-12-06T10:00:00+08:00\",%s}"
        .formatted(UUID.randomUUID(), number, unit, kind, more);
  }
}
