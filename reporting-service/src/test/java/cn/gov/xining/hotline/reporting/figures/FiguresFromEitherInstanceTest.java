package cn.gov.xining.hotline.reporting.figures;

import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.baseUrl;
import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.holds;
import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.holdsActiveTasks;
import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.instances;
import static cn.gov.xining.hotline.testsupport.StreamsInstancesInTest.self;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Satisfaction;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.reporting.ReportingApplication;
import cn.gov.xining.hotline.testsupport.RestartableBroker;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of reporting-service as production runs them: one application id, each with its own
 * port and state directory, on a real broker whose topics have three partitions, so that each holds
 * the figures of some days. Every report, asked of either instance, counts every ticket fed.
 */
class FiguresFromEitherInstanceTest {

  private static final TestIssuer ISSUER = TestIssuer.shared();
  private static final String MANAGER = ISSUER.staff("MANAGER");
  private static final String BATCH = "第十一批";

  private static RestartableBroker broker;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;

  /** Tickets received per day: two days whose figures each instance holds. */
  private static final TreeMap<LocalDate, Integer> received = new TreeMap<>();

  /** A day of callbacks whose count the second instance holds. */
  private static LocalDate callbackDay;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void twoInstancesHoldingTheFiguresOfSomeDaysEach() throws IOException {
    broker = new RestartableBroker();
    broker.start();
    first = instance();
    second = instance();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(holdsActiveTasks(first)).as("first instance has active tasks").isTrue();
              assertThat(holdsActiveTasks(second)).as("second instance has active tasks").isTrue();
              assertThat(instances(first).othersHolding(FiguresTopology.DAILY_FIGURES))
                  .containsExactly(self(second));
              assertThat(instances(second).othersHolding(FiguresTopology.DAILY_FIGURES))
                  .containsExactly(self(first));
            });
    var byFirst = new ArrayList<LocalDate>();
    var bySecond = new ArrayList<LocalDate>();
    for (var day = LocalDate.parse("2026-03-01");
        byFirst.size() < 2 || bySecond.size() < 2;
        day = day.plusDays(1)) {
      (heldByFirst(FiguresTopology.DAILY_FIGURES, day) ? byFirst : bySecond).add(day);
    }
    var probe = new TopicProbe(broker.bootstrapServers());
    int tickets = 0;
    for (var day : List.of(byFirst.get(0), byFirst.get(1), bySecond.get(0), bySecond.get(1))) {
      int count = 2 + received.size();
      received.put(day, count);
      for (int i = 0; i < count; i++) {
        receivedInBatch(probe, "%s-01-%04d".formatted(day, ++tickets), day);
      }
    }
    callbackDay = LocalDate.parse("2026-03-20");
    while (heldByFirst(FiguresTopology.DAILY_CALLBACKS, callbackDay)) {
      callbackDay = callbackDay.plusDays(1);
    }
    calledBack(probe, "260320-01-0001", callbackDay);
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
  void everyReportCountsEveryTicketFedWhicheverInstanceIsAsked() {
    int total = received.values().stream().mapToInt(Integer::intValue).sum();
    var from = received.firstKey();
    var to = received.lastKey();
    int span = (int) ChronoUnit.DAYS.between(from, to) + 1;

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (var instance : List.of(first, second)) {
                for (var day : received.entrySet()) {
                  assertThat(number(instance, "/api/reports/daily?date=" + day.getKey(), "$.total"))
                      .as("%s from %s", day.getKey(), self(instance))
                      .isEqualTo(day.getValue());
                }
                assertThat(
                        number(
                            instance,
                            "/api/reports/periods?from=%s&to=%s".formatted(from, to),
                            "$.received"))
                    .isEqualTo(total);
                assertThat(
                        JsonPath.<List<Integer>>read(
                            ok(instance, "/api/reports/trend?days=%d&until=%s".formatted(span, to)),
                            "$[*].received"))
                    .hasSize(span)
                    .satisfies(
                        days -> assertThat(days.stream().mapToInt(i -> i).sum()).isEqualTo(total));
                assertThat(
                        number(
                            instance,
                            "/api/reports/batches/"
                                + URLEncoder.encode(BATCH, StandardCharsets.UTF_8),
                            "$.received"))
                    .isEqualTo(total);
                assertThat(number(instance, "/api/reports/days/" + callbackDay, "$.callbacksMade"))
                    .isEqualTo(1);
              }
            });
  }

  @Test
  void whatAnInstanceHoldsIsForManagersOnlyAsTheReportsAre() {
    var day = received.firstKey();
    String batch = URLEncoder.encode(BATCH, StandardCharsets.UTF_8);
    // Each path asked of the instance that holds its key, so a manager's answer is the figures.
    var holders = new java.util.LinkedHashMap<String, ConfigurableApplicationContext>();
    holders.put(
        InstanceFigures.PATH + "/days?from=%s&to=%s".formatted(day, day),
        heldByFirst(FiguresTopology.DAILY_FIGURES, day) ? first : second);
    holders.put(
        InstanceFigures.PATH + "/callbacks/" + callbackDay,
        heldByFirst(FiguresTopology.DAILY_CALLBACKS, callbackDay) ? first : second);
    holders.put(
        InstanceFigures.PATH + "/batches/" + batch,
        heldByFirst(FiguresTopology.BATCH_FIGURES, BATCH) ? first : second);

    holders.forEach(
        (path, holder) -> {
          assertThat(send(holder, path, null).statusCode()).as("%s anonymous", path).isEqualTo(401);
          assertThat(send(holder, path, ISSUER.staff("REVIEWER")).statusCode())
              .as("%s as a reviewer", path)
              .isEqualTo(403);
          assertThat(send(holder, path, ISSUER.staff("OPERATOR")).statusCode())
              .as("%s as an operator", path)
              .isEqualTo(403);
          await()
              .atMost(Duration.ofSeconds(60))
              .untilAsserted(
                  () ->
                      assertThat(send(holder, path, MANAGER).statusCode())
                          .as("%s as a manager", path)
                          .isEqualTo(200));
        });
  }

  private static ConfigurableApplicationContext instance() throws IOException {
    var dataDir = Files.createTempDirectory("reporting-instance");
    // Arguments, not builder properties: those rank below application.yml.
    return new SpringApplicationBuilder(ReportingApplication.class)
        .run(
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "--hotline.data-dir=" + dataDir,
            "--hotline.issuer=" + ISSUER.issuer());
  }

  private static void receivedInBatch(TopicProbe probe, String number, LocalDate day) {
    String json =
        ("{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"receivedAt\":\"%sT09:00:00+08:00\","
                + "\"channel\":\"hotline-phone\",\"appealType\":\"COMPLAINT\",\"content\":\"暖气不热\","
                + "\"batchLabel\":\"%s\"}")
            .formatted(UUID.randomUUID(), number, day, BATCH);
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, json);
  }

  private static void calledBack(TopicProbe probe, String number, LocalDate day) {
    var at = OffsetDateTime.parse(day + "T10:00:00+08:00");
    var event =
        new CaseEvent(
            UUID.randomUUID(),
            number,
            CaseEventKind.CALLBACK_RECORDED,
            UUID.randomUUID(),
            CaseStatus.CLOSED,
            at,
            "hrss",
            "回访员",
            "hrss",
            at.minusDays(1),
            null,
            true,
            true,
            Satisfaction.SATISFIED,
            List.of(),
            0,
            0);
    probe.sendRaw(Topics.TICKET_LIFECYCLE, number, EventJson.MAPPER.writeValueAsString(event));
  }

  private static boolean heldByFirst(String store, LocalDate day) {
    return heldByFirst(store, day.toString());
  }

  private static boolean heldByFirst(String store, String key) {
    return holds(first, store, key);
  }

  private int number(ConfigurableApplicationContext instance, String path, String field) {
    return JsonPath.<Integer>read(ok(instance, path), field);
  }

  private String ok(ConfigurableApplicationContext instance, String path) {
    var answer = send(instance, path, MANAGER);
    assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(200);
    return answer.body();
  }

  private HttpResponse<String> send(
      ConfigurableApplicationContext instance, String path, String token) {
    var request = HttpRequest.newBuilder(URI.create(baseUrl(instance) + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
