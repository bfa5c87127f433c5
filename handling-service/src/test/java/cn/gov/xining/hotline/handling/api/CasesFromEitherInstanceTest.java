package cn.gov.xining.hotline.handling.api;

import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.baseUrl;
import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.holds;
import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.holdsActiveTasks;
import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.instances;
import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.self;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.handling.HandlingApplication;
import cn.gov.xining.hotline.handling.streams.HandlingTopology;
import cn.gov.xining.hotline.kafka.streams.InstanceForwarder;
import cn.gov.xining.hotline.testsupport.RestartableBroker;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of handling-service as production runs them: one application id, each with its own
 * port and state directory, on a real broker whose topics have three partitions, so that each holds
 * the cases of some of them. Whichever instance a caller reaches answers for every case as the
 * instance holding it would, and a unit still sees only its own cases.
 */
class CasesFromEitherInstanceTest {

  private static final TestIssuer ISSUER = TestIssuer.shared();
  private static final String REVIEWER = ISSUER.staff("REVIEWER");
  private static final String HRSS = ISSUER.unit("hrss");
  private static final String WATER = ISSUER.unit("water");
  private static final String HEATING = ISSUER.unit("heating");
  private static final int PARTITIONS = 3;
  private static final String ACCEPTED = "{\"kind\":\"ACCEPTED\"}";

  private static RestartableBroker broker;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;

  /** hrss's cases, two on every partition, so that each instance holds some. */
  private static final List<String> tickets = new ArrayList<>();

  /** heating's case, held by the second instance, for a report sent to the first. */
  private static String reported;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void twoInstancesHoldingACaseOnEveryPartition() throws Exception {
    broker = new RestartableBroker();
    broker.start();
    // A unit's own progress topic exists before handling starts, as the broker's start-up makes it.
    try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic("progress-hrss", PARTITIONS, (short) 1),
                  new NewTopic("progress-hrss-dlt", PARTITIONS, (short) 1)))
          .all()
          .get();
    }
    first = instance();
    second = instance();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(holdsActiveTasks(first)).as("first instance has active tasks").isTrue();
              assertThat(holdsActiveTasks(second)).as("second instance has active tasks").isTrue();
              assertThat(instances(first).othersHolding(HandlingTopology.CASE_FILES))
                  .containsExactly(self(second));
              assertThat(instances(second).othersHolding(HandlingTopology.CASE_FILES))
                  .containsExactly(self(first));
            });
    var probe = new TopicProbe(broker.bootstrapServers());
    int[] perPartition = new int[PARTITIONS];
    for (int sequence = 1; tickets.size() < 2 * PARTITIONS; sequence++) {
      String ticket = "261201-07-%04d".formatted(sequence);
      int partition = partitionOf(ticket);
      if (perPartition[partition] < 2) {
        perPartition[partition]++;
        tickets.add(ticket);
        transferred(probe, ticket, "hrss");
      }
    }
    for (int sequence = 1; reported == null; sequence++) {
      String ticket = "261201-08-%04d".formatted(sequence);
      if (!heldByFirst(ticket)) {
        reported = ticket;
        transferred(probe, ticket, "heating");
      }
    }
  }

  @AfterAll
  static void stop() {
    for (var instance : new ConfigurableApplicationContext[] {first, second}) {
      if (instance != null) {
        instance.close();
      }
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void everyCaseIsFoundFromEitherInstanceAndAUnitIsStillRefusedAnotherUnitsCase() {
    assertThat(tickets.stream().map(CasesFromEitherInstanceTest::heldByFirst).distinct())
        .as("the cases are held by both instances")
        .containsExactlyInAnyOrder(true, false);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (var instance : List.of(first, second)) {
                for (String ticket : tickets) {
                  var answer = get(instance, "/api/cases/" + ticket, REVIEWER);
                  assertThat(answer.statusCode()).as(ticket).isEqualTo(200);
                  assertThat(JsonPath.<String>read(answer.body(), "$.ticketNumber"))
                      .isEqualTo(ticket);
                  assertThat(JsonPath.<String>read(answer.body(), "$.status"))
                      .isEqualTo("ASSIGNED");
                }
              }
            });
    for (String ticket : tickets) {
      var other = heldByFirst(ticket) ? second : first;
      assertThat(get(other, "/api/cases/" + ticket, HRSS).statusCode()).isEqualTo(200);
      var refused = get(other, "/api/cases/" + ticket, WATER);
      assertThat(refused.statusCode()).as(ticket).isEqualTo(403);
      assertThat(refused.body()).contains("不由本单位 water 办理");
    }
  }

  @Test
  void theListOfAStatusIsEveryInstancesCasesWhicheverInstanceIsAsked() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (var instance : List.of(first, second)) {
                // heating's case may be accepted by now: only hrss's are surely ASSIGNED.
                assertThat(listed(instance, REVIEWER)).containsAll(tickets).doesNotHaveDuplicates();
                assertThat(listed(instance, HRSS)).containsExactlyInAnyOrderElementsOf(tickets);
                assertThat(listed(instance, WATER)).isEmpty();
              }
            });
    // Asked as another instance asks it, an instance answers with its own cases only.
    var own = get(first, "/api/cases?status=ASSIGNED", HRSS, true);
    assertThat(JsonPath.<List<String>>read(own.body(), "$[*].ticketNumber"))
        .containsExactlyInAnyOrderElementsOf(
            tickets.stream().filter(CasesFromEitherInstanceTest::heldByFirst).toList());
  }

  @Test
  void aReportSentToTheInstanceNotHoldingTheCaseIsJudgedAndPublishedByTheOneThatDoes()
      throws Exception {
    String ticket = reported;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get(first, "/api/cases/" + ticket, REVIEWER).statusCode() == 200);

    var unknown = post(first, "/api/cases/990101-01-0001/progress", HEATING, ACCEPTED);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    var otherUnits = post(first, "/api/cases/" + ticket + "/progress", WATER, ACCEPTED);
    assertThat(otherUnits.statusCode()).as(otherUnits.body()).isEqualTo(403);
    var resolvedFirst =
        post(
            first,
            "/api/cases/" + ticket + "/progress",
            HEATING,
            "{\"kind\":\"RESOLVED\",\"text\":\"已处理\"}");
    assertThat(resolvedFirst.statusCode()).as(resolvedFirst.body()).isEqualTo(409);
    assertThat(resolvedFirst.body()).contains("工单未签收，不能办结");
    assertThat(post(first, "/api/cases/" + ticket + "/progress", HEATING, ACCEPTED).statusCode())
        .isEqualTo(202);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        JsonPath.<String>read(
                            get(first, "/api/cases/" + ticket, REVIEWER).body(), "$.status"))
                    .isEqualTo("ACCEPTED"));
  }

  @Test
  void aForwardedRequestThatFindsTheCaseHeldElsewhereIsNotForwardedAgainButRefusedUntilRetried() {
    String ticket = tickets.stream().filter(t -> !heldByFirst(t)).findFirst().orElseThrow();

    var answer = get(first, "/api/cases/" + ticket, REVIEWER, true);

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).contains("2");
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JsonPath.<String>read(answer.body(), "$.type")).endsWith("/rebalancing");
    assertThat(JsonPath.<String>read(answer.body(), "$.title")).startsWith("数据正在实例间迁移");
  }

  private static ConfigurableApplicationContext instance() throws IOException {
    var dataDir = Files.createTempDirectory("handling-instance");
    // Arguments, not builder properties: those rank below application.yml.
    return new SpringApplicationBuilder(HandlingApplication.class)
        .run(
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "--hotline.data-dir=" + dataDir,
            "--hotline.issuer=" + ISSUER.issuer());
  }

  private static void transferred(TopicProbe probe, String ticket, String unit) {
    var routed = OffsetDateTime.now().minusMinutes(5);
    var decision =
        new TicketRouted(
            UUID.randomUUID(),
            ticket,
            routed.minusMinutes(10),
            routed,
            "hotline-phone",
            RoutingOutcome.TRANSFER,
            "wage-arrears",
            "630105",
            unit,
            List.of(),
            "operator-topic",
            "test",
            "转交",
            routed.plusDays(5),
            Priority.NORMAL);
    probe.sendRaw(Topics.ROUTING_DECISIONS, ticket, EventJson.MAPPER.writeValueAsString(decision));
  }

  /** As every Java producer partitions a ticket number (murmur2). */
  private static int partitionOf(String ticket) {
    return Utils.toPositive(Utils.murmur2(ticket.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  private static boolean heldByFirst(String ticket) {
    return holds(first, HandlingTopology.CASE_FILES, ticket);
  }

  private List<String> listed(ConfigurableApplicationContext instance, String token) {
    var answer = get(instance, "/api/cases?status=ASSIGNED", token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JsonPath.read(answer.body(), "$[*].ticketNumber");
  }

  private HttpResponse<String> get(
      ConfigurableApplicationContext instance, String path, String token) {
    return get(instance, path, token, false);
  }

  private HttpResponse<String> get(
      ConfigurableApplicationContext instance, String path, String token, boolean forwarded) {
    var request = request(instance, path, token).GET();
    if (forwarded) {
      request.header(InstanceForwarder.FORWARDED_BY, "127.0.0.1:1");
    }
    return send(request.build());
  }

  private HttpResponse<String> post(
      ConfigurableApplicationContext instance, String path, String token, String json) {
    return send(
        request(instance, path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static HttpRequest.Builder request(
      ConfigurableApplicationContext instance, String path, String token) {
    return HttpRequest.newBuilder(URI.create(baseUrl(instance) + path))
        .header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
