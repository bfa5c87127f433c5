package cn.gov.xining.hotline.routing.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.RoutingApplication;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Routing restarted, as a production restart is: one application context closed and a new one
 * started on the same broker and data directory. The broker is the test's own, since
 * {@code @EmbeddedKafka} would stop with the first context.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActiveVersionAfterRestartTest {

  private static final String RULES_ADMIN = "Bearer " + TestIssuer.shared().staff("RULES_ADMIN");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static EmbeddedKafkaBroker broker;

  @TempDir static Path data;

  @BeforeAll
  static void aBrokerThatOutlivesEachStartOfRouting() {
    broker =
        new EmbeddedKafkaKraftBroker(1, 3)
            // As @EmbeddedKafka sets them: one broker holds every replica of routing's
            // transactions.
            .brokerProperties(
                Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopTheBroker() {
    broker.destroy();
  }

  @Test
  void
      theActivatedVersionDecidesTheFirstTicketAfterARestartAndOneThatCannotBeRebuiltGivesWayToModel0(
          CapturedOutput output) throws Exception {
    var probe = new TopicProbe(broker.getBrokersAsString());
    List<String> examples;

    // Given dispatchers' examples: pigeon complaints are the property manager's.
    try (var routing = routing()) {
      examples = pigeonsDispatchedToPropertyManagement(probe, 5);
      var versions = routing.getBean(ModelVersions.class);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  versions.corrections().stream()
                          .mapToInt(ModelVersions.WeekOfCorrections::corrections)
                          .sum()
                      == examples.size());
      // And the rules administrator trained model-1 on them, which passed the gate.
      String trained = call(routing, "POST", "/api/routing/model/versions");
      assertThat(JsonPath.<String>read(trained, "$.id")).isEqualTo("model-1");
      assertThat(JsonPath.<String>read(trained, "$.status")).isEqualTo("ACTIVE");
    }

    // When routing starts again, then model-1 is active as soon as it has started
    try (var routing = routing()) {
      assertThat(routing.getBean(ModelVersions.class).current().version()).isEqualTo("model-1");
      String versions = call(routing, "GET", "/api/routing/model/versions");
      assertThat(JsonPath.<List<String>>read(versions, "$[?(@.status=='ACTIVE')].id"))
          .containsExactly("model-1");
      assertThat(JsonPath.<List<String>>read(versions, "$[?(@.id=='model-0')].status"))
          .containsExactly("RETIRED");
      // and decides the first ticket, by name.
      String decision = decisionOn(probe, LearningFromDispatchesTest.NEXT_PIGEONS);
      assertThat(JsonPath.<String>read(decision, "$.outcome")).isEqualTo("TRANSFER");
      assertThat(JsonPath.<String>read(decision, "$.topicCode")).isEqualTo("property-management");
      assertThat(JsonPath.<String>read(decision, "$.ruleSetVersion")).endsWith("+model-1");
      // And the next version is numbered after it, not a second model-1.
      String next = call(routing, "POST", "/api/routing/model/versions");
      assertThat(JsonPath.<String>read(next, "$.id")).isEqualTo("model-2");
      assertThat(JsonPath.<String>read(next, "$.status")).isEqualTo("ACTIVE");
    }

    // When one of its examples is gone (the ticket's example deleted) and routing starts again
    probe.sendRaw(Topics.ROUTING_EXAMPLES, examples.get(0), null);
    try (var routing = routing()) {
      // Then it says so loudly, retires model-2 for good, and model-0 decides.
      assertThat(output.getOut())
          .contains("THE ACTIVE MODEL VERSION model-2 CANNOT BE REBUILT")
          .contains("1 of its 5 examples are no longer on routing-examples");
      assertThat(routing.getBean(ModelVersions.class).current().version()).isEqualTo("model-0");
      String versions = call(routing, "GET", "/api/routing/model/versions");
      assertThat(JsonPath.<List<String>>read(versions, "$[?(@.status=='ACTIVE')].id"))
          .containsExactly("model-0");
      assertThat(JsonPath.<List<String>>read(versions, "$[?(@.id=='model-2')].reason"))
          .singleElement()
          .asString()
          .startsWith("could not be rebuilt at start");
      var published = probe.recordsFor(Topics.ROUTING_MODELS, "model-2");
      assertThat(JsonPath.<String>read(published.get(published.size() - 1).value(), "$.status"))
          .as("the topic says so too: the next start does not try again")
          .isEqualTo("RETIRED");
      String decision = decisionOn(probe, LearningFromDispatchesTest.NEXT_PIGEONS);
      assertThat(JsonPath.<String>read(decision, "$.ruleSetVersion")).endsWith("+model-0");
      assertThat(call(routing, "POST", "/api/routing/model/versions/model-2/activate", 409))
          .contains("cannot be rebuilt");
    }
  }

  /** A start of routing, on the broker and the data directory of every start. */
  private static ConfigurableApplicationContext routing() {
    // Arguments, as the run command passes them: they override application.yml.
    return new SpringApplicationBuilder(RoutingApplication.class)
        .run(
            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "--hotline.data-dir=" + data,
            "--hotline.issuer=" + TestIssuer.shared().issuer(),
            "--server.port=0",
            "--spring.main.banner-mode=off");
  }

  /**
   * Examples as a triage dispatch writes them, with numbers outside the held-back fifth, so that
   * every one is trained on.
   */
  static List<String> pigeonsDispatchedToPropertyManagement(TopicProbe probe, int count) {
    var numbers = new ArrayList<String>();
    for (int n = 1; numbers.size() < count; n++) {
      String number = "261201-98-%04d".formatted(n);
      if (DispatchedExample.heldBack(number)) {
        continue;
      }
      var example =
          new DispatchedExample(
              number,
              LearningFromDispatchesTest.PIGEONS.get(numbers.size()),
              "property-management",
              null,
              "dispatcher",
              OffsetDateTime.now());
      probe.sendRaw(Topics.ROUTING_EXAMPLES, number, EventJson.MAPPER.writeValueAsString(example));
      numbers.add(number);
    }
    return numbers;
  }

  private static String decisionOn(TopicProbe probe, String text) {
    String number = probe.receive(text, null, null, null);
    var decision = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var records = probe.recordsFor(Topics.ROUTING_DECISIONS, number);
              assertThat(records).isNotEmpty();
              decision[0] = records.get(0).value();
            });
    return decision[0];
  }

  static String call(ConfigurableApplicationContext routing, String method, String path)
      throws Exception {
    return call(routing, method, path, 200);
  }

  /** The body of the rules administrator's request, which must answer the status. */
  static String call(ConfigurableApplicationContext routing, String method, String path, int status)
      throws Exception {
    String port = routing.getEnvironment().getProperty("local.server.port");
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", RULES_ADMIN)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return response.body();
  }
}
