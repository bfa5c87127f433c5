package cn.gov.xining.hotline.handling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.AssignmentRole;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketAssigned;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.CleanAnswers;
import cn.gov.xining.hotline.testsupport.HostileJson;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The handling loop for real on a broker. The department here is a plain Kafka client that knows
 * only the published schemas: it reads its assignments from {@code assignments-hrss}, writes its
 * reports as JSON text and reads the outcome from {@code ticket-lifecycle}, checking all three
 * against the schemas; the hotline's staff and units without a Kafka client use the REST API. The
 * service's clock is the test's to move (the deadline watch, the 17:00 cut-off).
 */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.streams.state-dir=${java.io.tmpdir}/handling-test-${random.uuid}",
      "hotline.handling.deadline-check-interval=500ms",
      // Few enough to fill a case in a test; the other limits are application.yml's.
      "hotline.handling.limits.notes-per-case=3"
    })
// A unit's own progress topic exists before handling starts, as the broker's start-up creates it.
@EmbeddedKafka(
    partitions = 3,
    topics = {"assignments-hrss", "progress-hrss", "progress-hrss-dlt"})
@AutoConfigureMockMvc
@SignedInAs("REVIEWER")
class HandlingLoopOnEmbeddedKafkaTest {

  private static final TestIssuer ISSUER = TestIssuer.shared();

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired MockMvc mvc;

  @Autowired MeterRegistry meters;

  @Autowired TestClock clock;

  @Autowired StreamsBuilderFactoryBean streams;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  TopicProbe probe;

  @BeforeEach
  void probeAndRealTime() {
    probe = new TopicProbe(bootstrapServers);
    clock.reset();
  }

  @Test
  void aTicketIsSignedForNotedExtendedResolvedReviewedCalledBackAndClosed() throws Exception {
    clock.set(local(0, "10:00")); // the extension is asked for before the 17:00 cut-off
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    var assignment = departmentReadsItsAssignment("hrss", ticket);
    assertThat(JsonPath.<String>read(assignment, "$.dueAt")).isEqualTo(local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");

    departmentReports(
        ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "09:30")));
    departmentReports(
        ticket, "NOTE", "\"at\":\"%s\",\"text\":\"已约谈企业负责人\"".formatted(local(0, "09:40")));
    departmentReports(
        ticket,
        "EXTENSION_REQUESTED",
        "\"at\":\"%s\",\"text\":\"需协调企业账户解冻\",\"requestedDueAt\":\"%s\""
            .formatted(local(0, "09:50"), local(12, "00:00")));
    awaitLifecycle(ticket, "OPENED", "ACCEPTED", "NOTE", "EXTENSION_REQUESTED");
    hotline(ticket, "{\"kind\":\"EXTENSION_GRANTED\",\"by\":\"值班长\"}");
    awaitLifecycle(
        ticket, "OPENED", "ACCEPTED", "NOTE", "EXTENSION_REQUESTED", "EXTENSION_GRANTED");
    departmentReports(
        ticket, "RESOLVED", "\"at\":\"%s\",\"text\":\"已督促企业结清工资\"".formatted(local(0, "10:00")));
    awaitLifecycle(
        ticket,
        "OPENED",
        "ACCEPTED",
        "NOTE",
        "EXTENSION_REQUESTED",
        "EXTENSION_GRANTED",
        "RESOLVED");
    hotline(ticket, "{\"kind\":\"REVIEW_APPROVED\",\"by\":\"审核员\"}");
    awaitLifecycleSize(ticket, 7);
    hotline(
        ticket,
        "{\"kind\":\"CALLBACK\",\"by\":\"回访员\",\"reached\":true,\"solved\":true,"
            + "\"satisfaction\":\"SATISFIED\"}");

    awaitLifecycle(
        ticket,
        "OPENED",
        "ACCEPTED",
        "NOTE",
        "EXTENSION_REQUESTED",
        "EXTENSION_GRANTED",
        "RESOLVED",
        "REVIEW_APPROVED",
        "CALLBACK_RECORDED",
        "CLOSED");
    mvc.perform(get("/api/cases/" + ticket))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.dueAt").value(local(12, "00:00")))
        .andExpect(jsonPath("$.history[1].by").value("张科长"))
        .andExpect(jsonPath("$.history[2].detail").value("已约谈企业负责人"))
        .andExpect(jsonPath("$.history[7].satisfaction").value("SATISFIED"));
  }

  @Test
  void overRestWhatTheCaseDoesNotAllowIsRefusedAtOnceAndNothingIsPublished() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");

    unitReports("990101-01-0001", "{\"unit\":\"hrss\",\"kind\":\"ACCEPTED\",\"by\":\"张\"}")
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    refused(
        unitReports(ticket, "{\"unit\":\"hrss\",\"kind\":\"RESOLVED\",\"text\":\"已处理\"}"),
        "工单未签收，不能办结");
    // Another unit is not told what the case allows: it may not report on it at all.
    unitReports(ticket, "{\"unit\":\"water\",\"kind\":\"ACCEPTED\",\"by\":\"王\"}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/forbidden"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("不由本单位 water 办理")));
    refused(
        hotlineActs(ticket, "{\"kind\":\"CALLBACK\",\"by\":\"回访员\",\"reached\":false}"),
        "结果审核通过后才能回访");
    unitReports(ticket, "{\"unit\":\"hrss\",\"kind\":\"ACCEPTED\",\"by\":\"张科长\"}")
        .andExpect(status().isAccepted());
    awaitLifecycle(ticket, "OPENED", "ACCEPTED");
    unitReports(ticket, "{\"unit\":\"hrss\",\"kind\":\"RESOLVED\",\"text\":\"已督促企业结清工资\"}")
        .andExpect(status().isAccepted());
    awaitLifecycle(ticket, "OPENED", "ACCEPTED", "RESOLVED");

    refused(
        unitReports(ticket, "{\"unit\":\"hrss\",\"kind\":\"RESOLVED\",\"text\":\"再次办结\"}"),
        "工单已办结");
    assertThat(probe.recordsFor(Topics.TICKET_PROGRESS, ticket))
        .as("only the two reports the case allowed were published")
        .hasSize(2);
    assertThat(lifecycleKinds(ticket)).containsExactly("OPENED", "ACCEPTED", "RESOLVED");
  }

  @Test
  void onKafkaTheProcessorStillRefusesWithAReasonAndARepeatedReportChangesNothing()
      throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    departmentReports(
        ticket, "RESOLVED", "\"at\":\"%s\",\"text\":\"已处理\"".formatted(local(0, "10:00")));
    String accepted =
        departmentReports(
            ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "10:05")));
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, accepted); // the same report again

    awaitLifecycle(ticket, "OPENED", "REFUSED", "ACCEPTED");
    assertThat(JsonPath.<String>read(lifecycle(ticket).get(1), "$.detail"))
        .contains("never accepted");
  }

  @Test
  void anExtensionClaimingFourPmThatArrivesAfterFivePmIsRefusedOverRestAndOnKafka()
      throws Exception {
    // given the hotline's clock at 17:30 yesterday, and a ticket signed for that morning
    clock.set(local(-1, "17:30"));
    String ticket = transferred("hrss", local(-1, "09:00"), local(4, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    unitReports(ticket, "{\"unit\":\"hrss\",\"kind\":\"ACCEPTED\",\"by\":\"张科长\"}")
        .andExpect(status().isAccepted());
    awaitLifecycle(ticket, "OPENED", "ACCEPTED");

    // when a unit says over REST that it asked at 16:00
    refused(
        unitReports(
            ticket,
            "{\"unit\":\"hrss\",\"kind\":\"EXTENSION_REQUESTED\",\"at\":\"%s\",\"text\":\"需协调\",\"requestedDueAt\":\"%s\"}"
                .formatted(local(-1, "16:00"), local(10, "00:00"))),
        "17:00");
    // and on Kafka, its producer setting the record's timestamp to 16:00 as well
    String json =
        departmentJson(
            ticket,
            "EXTENSION_REQUESTED",
            "\"at\":\"%s\",\"text\":\"需协调\",\"requestedDueAt\":\"%s\""
                .formatted(local(-1, "16:00"), local(10, "00:00")));
    sendStamped(Topics.TICKET_PROGRESS, ticket, json, OffsetDateTime.parse(local(-1, "16:00")));

    // then both are judged at 17:30, when they reached the hotline
    awaitLifecycle(ticket, "OPENED", "ACCEPTED", "REFUSED");
    var refusal = lifecycle(ticket).get(2);
    assertThat(JsonPath.<String>read(refusal, "$.detail")).contains("17:00");
    assertThat(OffsetDateTime.parse(JsonPath.<String>read(refusal, "$.at")))
        .isEqualTo(OffsetDateTime.parse(local(-1, "17:30")));
  }

  @Test
  void reportsThatBreakTheContractAreDeadLetteredWithTheReasonAndTheNextReportStillCounts()
      throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    String at = "\"at\":\"%s\"".formatted(local(0, "09:30"));
    var poison =
        Map.of(
            "returnReason",
            "{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"unit\":\"hrss\",\"kind\":\"RETURNED\",%s}"
                .formatted(UUID.randomUUID(), ticket, at),
            "by",
            "{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"unit\":\"hrss\",\"kind\":\"ACCEPTED\",%s}"
                .formatted(UUID.randomUUID(), ticket, at),
            "eventId",
            "{\"ticketNumber\":\"%s\",\"unit\":\"hrss\",\"kind\":\"NOTE\",%s,\"text\":\"无编号\"}"
                .formatted(ticket, at),
            "unit",
            "{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"kind\":\"NOTE\",%s,\"text\":\"无单位\"}"
                .formatted(UUID.randomUUID(), ticket, at),
            "key",
            "{\"eventId\":\"%s\",\"ticketNumber\":\"261123-05-9999\",\"unit\":\"hrss\",\"kind\":\"NOTE\",%s,\"text\":\"键不符\"}"
                .formatted(UUID.randomUUID(), at));
    poison.values().forEach(json -> probe.sendRaw(Topics.TICKET_PROGRESS, ticket, json));
    // Neither can be dead-lettered (no bytes to copy); both must leave the stream running.
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, null);
    probe.sendRaw(Topics.TICKET_PROGRESS, null, poison.get("key"));
    departmentReports(ticket, "ACCEPTED", at + ",\"by\":\"张科长\"");

    awaitLifecycle(ticket, "OPENED", "ACCEPTED");
    var deadLetters = probe.recordsFor(Topics.deadLetterOf(Topics.TICKET_PROGRESS), ticket);
    assertThat(deadLetters)
        .as("each as it was sent, with the reason naming what it lacks")
        .hasSize(poison.size())
        .allSatisfy(
            record -> {
              var field =
                  poison.entrySet().stream()
                      .filter(entry -> entry.getValue().equals(record.value()))
                      .map(Map.Entry::getKey)
                      .findFirst()
                      .orElseThrow(() -> new AssertionError("not sent: " + record.value()));
              assertThat(
                      new String(
                          record.headers().lastHeader("kafka_dlt-exception-message").value(),
                          StandardCharsets.UTF_8))
                  .contains("不符合约定", field);
              assertThat(
                      new String(
                          record.headers().lastHeader("kafka_dlt-original-timestamp-type").value(),
                          StandardCharsets.UTF_8))
                  .as("ticket-progress is stamped by the broker, and the dead letter says so")
                  .isEqualTo("LogAppendTime");
            });
    mvc.perform(get("/api/cases/" + ticket))
        .andExpect(jsonPath("$.status").value("ACCEPTED"))
        .andExpect(jsonPath("$.history.length()").value(2));
  }

  @Test
  void aUnitsOwnProgressTopicSpeaksForThatUnitAndNoOther() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    String at = "\"at\":\"%s\"".formatted(local(0, "09:30"));
    String forged =
        "{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"unit\":\"water\",\"kind\":\"ACCEPTED\",%s,\"by\":\"王\"}"
            .formatted(UUID.randomUUID(), ticket, at);

    probe.sendRaw(Topics.progressOf("hrss"), ticket, forged);
    probe.sendRaw(
        Topics.progressOf("hrss"),
        ticket,
        "{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"unit\":\"hrss\",\"kind\":\"ACCEPTED\",%s,\"by\":\"张科长\"}"
            .formatted(UUID.randomUUID(), ticket, at));

    awaitLifecycle(ticket, "OPENED", "ACCEPTED");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.deadLetterOf(Topics.progressOf("hrss")), ticket))
                    .singleElement()
                    .satisfies(
                        record -> {
                          assertThat(record.value()).isEqualTo(forged);
                          assertThat(
                                  new String(
                                      record
                                          .headers()
                                          .lastHeader("kafka_dlt-exception-message")
                                          .value(),
                                      StandardCharsets.UTF_8))
                              .contains("progress-hrss");
                        }));
  }

  @Test
  void aUnitReadsAndReportsOnlyOnTheCasesItHandles() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    String hrss = ISSUER.unit("hrss");
    String water = ISSUER.unit("water");

    mvc.perform(get("/api/cases/" + ticket).header("Authorization", "Bearer " + hrss))
        .andExpect(status().isOk());
    mvc.perform(get("/api/cases/" + ticket).header("Authorization", "Bearer " + water))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/cases")
                .param("status", "ASSIGNED")
                .header("Authorization", "Bearer " + water))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].ticketNumber").value(Matchers.not(Matchers.hasItem(ticket))));
    mvc.perform(
            get("/api/cases").param("status", "ASSIGNED").header("Authorization", "Bearer " + hrss))
        .andExpect(jsonPath("$[*].ticketNumber").value(Matchers.hasItem(ticket)));
    // A unit's system that names another unit in the body, or another person, is refused.
    mvc.perform(
            post("/api/cases/" + ticket + "/progress")
                .header("Authorization", "Bearer " + water)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":\"hrss\",\"kind\":\"ACCEPTED\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("water")));
    mvc.perform(
            post("/api/cases/" + ticket + "/progress")
                .header("Authorization", "Bearer " + hrss)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ACCEPTED\",\"by\":\"someone-else\"}"))
        .andExpect(status().isForbidden());
    // A unit may not act as the hotline's reviewer, nor an operator read case files.
    mvc.perform(
            post("/api/cases/" + ticket + "/actions")
                .header("Authorization", "Bearer " + hrss)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"CALLBACK\",\"reached\":true,\"solved\":true}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/cases/" + ticket)
                .header("Authorization", "Bearer " + ISSUER.staff("OPERATOR")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/cases/" + ticket).header("Authorization", ""))
        .andExpect(status().isUnauthorized());
    // A manager opens the case from the dashboard (its page is another origin), never the lists.
    String manager = ISSUER.staff("MANAGER");
    mvc.perform(
            get("/api/cases/" + ticket)
                .header("Authorization", "Bearer " + manager)
                .header("Origin", "http://127.0.0.1:8083"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ticketNumber").value(ticket))
        .andExpect(
            MockMvcResultMatchers.header()
                .string("Access-Control-Allow-Origin", "http://127.0.0.1:8083"));
    mvc.perform(
            options("/api/cases/" + ticket)
                .header("Origin", "http://127.0.0.1:8083")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"))
        .andExpect(status().isOk())
        .andExpect(
            MockMvcResultMatchers.header()
                .string("Access-Control-Allow-Origin", "http://127.0.0.1:8083"));
    mvc.perform(
            options("/api/cases/" + ticket)
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET"))
        .andExpect(status().isForbidden());
    mvc.perform(
            options("/api/cases/" + ticket + "/progress")
                .header("Origin", "http://127.0.0.1:8083")
                .header("Access-Control-Request-Method", "POST"))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/cases")
                .param("status", "ASSIGNED")
                .header("Authorization", "Bearer " + manager))
        .andExpect(status().isForbidden());
    assertThat(probe.recordsFor(Topics.TICKET_PROGRESS, ticket))
        .as("nothing refused was published")
        .isEmpty();

    // The unit's own report, without naming itself, is recorded as the token's principal.
    mvc.perform(
            post("/api/cases/" + ticket + "/progress")
                .header("Authorization", "Bearer " + hrss)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ACCEPTED\"}"))
        .andExpect(status().isAccepted());
    awaitLifecycle(ticket, "OPENED", "ACCEPTED");
    assertThat(probe.recordsFor(Topics.TICKET_PROGRESS, ticket).get(0).value())
        .contains("\"unit\":\"hrss\"", "\"by\":\"unit-hrss\"");
    // Its own lifecycle topic tells it what became of its case, another unit's tells nothing.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        probe.recordsFor(Topics.lifecycleOf("hrss"), ticket).stream()
                            .map(record -> JsonPath.<String>read(record.value(), "$.kind"))
                            .toList())
                    .containsExactly("OPENED", "ACCEPTED"));
    assertThat(probe.recordsFor(Topics.lifecycleOf("water"), ticket)).isEmpty();
  }

  @Test
  void aTicketReturnedThreeTimesWaitsInTheSupervisorsQueue() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    String[] units = {"hrss", "housing", "market"};
    for (int i = 0; i < units.length; i++) {
      if (i > 0) {
        transferredAgain(ticket, units[i], i);
        awaitLifecycleSize(ticket, 2 * i + 1);
      }
      unitReports(
              ticket,
              "{\"unit\":\"%s\",\"kind\":\"RETURNED\",\"returnReason\":\"NOT_OUR_DUTY\"}"
                  .formatted(units[i]))
          .andExpect(status().isAccepted());
      awaitLifecycleSize(ticket, 2 * i + 2);
    }

    awaitLifecycle(
        ticket, "OPENED", "RETURNED", "OPENED", "RETURNED", "OPENED", "SENT_TO_SUPERVISOR");
    mvc.perform(get("/api/cases").param("status", "SUPERVISOR"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].ticketNumber").value(Matchers.hasItem(ticket)));
  }

  @Test
  void aResultSentBackForRehandlingGoesBackToTheSameUnitWhichResolvesItAgain() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    departmentReports(
        ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "09:30")));
    departmentReports(
        ticket, "RESOLVED", "\"at\":\"%s\",\"text\":\"已电话告知\"".formatted(local(0, "10:00")));
    awaitLifecycle(ticket, "OPENED", "ACCEPTED", "RESOLVED");

    hotline(ticket, "{\"kind\":\"REVIEW_SENT_BACK\",\"by\":\"审核员\",\"reason\":\"答复未针对诉求\"}");
    awaitLifecycle(ticket, "OPENED", "ACCEPTED", "RESOLVED", "SENT_BACK");
    var sentBack = lifecycle(ticket).get(3);
    assertThat(JsonPath.<String>read(sentBack, "$.status")).isEqualTo("ACCEPTED");
    assertThat(JsonPath.<String>read(sentBack, "$.primaryUnit")).isEqualTo("hrss");
    assertThat(JsonPath.<Integer>read(sentBack, "$.rehandlings")).isEqualTo(1);
    assertThat(JsonPath.<String>read(sentBack, "$.detail")).contains("答复未针对诉求");

    departmentReports(
        ticket, "RESOLVED", "\"at\":\"%s\",\"text\":\"已督促企业结清工资\"".formatted(local(0, "15:00")));
    awaitLifecycle(ticket, "OPENED", "ACCEPTED", "RESOLVED", "SENT_BACK", "RESOLVED");
  }

  @Test
  void badRequestsAreProblemsNamingTheField() throws Exception {
    unitReports("261123-01-0001", "{\"unit\":\"hrss\",\"kind\":\"RETURNED\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("returnReason")));
    unitReports(
            "261123-01-0001",
            "{\"unit\":\"hrss\",\"kind\":\"EXTENSION_REQUESTED\",\"requestedDueAt\":\"2026-12-05T00:00:00+08:00\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("text")))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("延期须说明理由")));
    unitReports("261123-01-0001", "{\"unit\":\"hrss\",\"kind\":\"FOO\"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("kind")))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("FOO")));
    hotlineActs("261123-01-0001", "{\"kind\":\"REVIEW_SENT_BACK\",\"by\":\"审核员\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("reason")));
    // What becomes a lifecycle detail (intake keeps it as the status detail) is at most 900.
    unitReports(
            "261123-01-0001",
            "{\"unit\":\"hrss\",\"kind\":\"RESOLVED\",\"text\":\"%s\"}".formatted("结".repeat(901)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("text")))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("at most 900")));
    hotlineActs(
            "261123-01-0001",
            "{\"kind\":\"REVIEW_SENT_BACK\",\"by\":\"审核员\",\"reason\":\"%s\"}"
                .formatted("因".repeat(901)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("请求不合格 (Invalid request)"))
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("reason")));
    mvc.perform(get("/api/cases/990101-01-0001")).andExpect(status().isNotFound());
  }

  @Test
  void aTicketPastItsTimeLimitIsReportedOverdueToTheUnitAndNotAgain() {
    clock.set("2026-11-06T08:00:00+08:00");
    String ticket = transferred("hrss", "2026-11-01T09:00:00+08:00", "2026-11-06T00:00:00+08:00");

    awaitLifecycle(ticket, "OPENED", "OVERDUE");
    var overdue = lifecycle(ticket).get(1);
    assertThat(JsonPath.<String>read(overdue, "$.primaryUnit")).isEqualTo("hrss");
    // What the operations dashboard shows: the event counted, the case among the overdue ones.
    assertThat(meters.get("hotline.handling.events").tag("kind", "OVERDUE").counter().count())
        .isGreaterThanOrEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> meters.get("hotline.handling.cases.overdue").gauge().value() >= 1);
  }

  @Test
  void aTicketTransferredBeforeSpringFestivalIsOverdueOnlyAfterTheHolidayAndItsMakeUpDays() {
    // Received Thursday 12 February 2026 with five working days: 13 Feb, Saturday 14 Feb (a make-up
    // working day), then 24, 25 and 26 Feb after the holiday of 15–23 Feb; the time limit is taken
    // as routing publishes it. The warning counts the same working days: 80 % of the working time
    // is used at 21:13 on 25 Feb, 80 % of the clock time would have been at 02:01 on 24 Feb.
    clock.set("2026-02-12T10:05:00+08:00");
    String ticket = transferred("hrss", "2026-02-12T10:05:00+08:00", "2026-02-27T00:00:00+08:00");
    awaitLifecycle(ticket, "OPENED");

    clock.set("2026-02-25T12:00:00+08:00");
    await("past 80 % of the clock time, not of the working time: neither warned nor overdue")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> lifecycleKinds(ticket).equals(List.of("OPENED")));
    clock.set("2026-02-26T12:00:00+08:00");
    awaitLifecycle(ticket, "OPENED", "DEADLINE_WARNING");
    clock.set("2026-02-27T00:00:01+08:00");
    awaitLifecycle(ticket, "OPENED", "DEADLINE_WARNING", "OVERDUE");
    assertThat(JsonPath.<String>read(lifecycle(ticket).get(2), "$.dueAt"))
        .isEqualTo("2026-02-27T00:00:00+08:00");
  }

  @Test
  void anUnreadableReportIsDeadLetteredAndTheNextOneStillCounts() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, "这不是JSON {");
    departmentReports(
        ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "09:30")));

    awaitLifecycle(ticket, "OPENED", "ACCEPTED");
    assertThat(probe.recordsFor(Topics.deadLetterOf(Topics.TICKET_PROGRESS), ticket))
        .singleElement()
        .satisfies(
            record ->
                assertThat(header(record, "kafka_dlt-exception-message"))
                    .as("the cause, not only that it could not be read")
                    .contains("not readable JSON", "line 1, column")
                    .doesNotContain("Can't deserialize"));
    assertThat(
            meters
                .get("hotline.dead.letters")
                .tag("topic", Topics.TICKET_PROGRESS)
                .counter()
                .count())
        .as("dead letters counted for the operations dashboard")
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void notesOfSixHundredKilobytesOrOverTheirLengthNeitherGrowTheCaseNorStopTheService()
      throws Exception {
    // given a ticket in handling
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    String at = "\"at\":\"%s\"".formatted(local(0, "09:30"));
    String huge = "备".repeat(200_000); // 600 KB in UTF-8

    // when a unit's system sends two notes of 600 KB and one of 2,001 characters on Kafka, and
    // one of 2,001 characters over REST (a 600 KB body is the HTTP body limit's to refuse)
    String first = overLongNote(ticket, at, huge);
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, first);
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, overLongNote(ticket, at, huge + "二"));
    String overLength = overLongNote(ticket, at, "备".repeat(2001));
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, overLength);
    unitReports(
            ticket,
            "{\"unit\":\"hrss\",\"kind\":\"NOTE\",\"text\":\"%s\"}".formatted("备".repeat(2001)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("text")))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("at most 2000")));
    departmentReports(ticket, "ACCEPTED", at + ",\"by\":\"张科长\"");

    // then the next report still counts and Kafka Streams still runs: none of the notes grew the
    // case, each is dead-lettered with its reason, and nothing was published for the REST one
    awaitLifecycle(ticket, "OPENED", "ACCEPTED");
    assertThat(streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    var deadLetters = probe.recordsFor(Topics.deadLetterOf(Topics.TICKET_PROGRESS), ticket);
    assertThat(deadLetters).hasSize(3);
    assertThat(header(deadLetters.get(0), "kafka_dlt-exception-message"))
        .contains("超过上限", "262144");
    assertThat(header(deadLetters.get(0), "hotline-dlt-truncated"))
        .isEqualTo("value %d bytes".formatted(first.getBytes(StandardCharsets.UTF_8).length));
    assertThat(deadLetters.get(2).value()).isEqualTo(overLength);
    assertThat(header(deadLetters.get(2), "kafka_dlt-exception-message"))
        .contains("text", "at most 2000 characters, 2001 given");
    assertThat(probe.recordsFor(Topics.TICKET_PROGRESS, ticket)).hasSize(4);
    mvc.perform(get("/api/cases/" + ticket))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.history.length()").value(2));
  }

  @Test
  void aCaseHoldingAsManyNotesAsItMayRefusesTheNextOverRestAndOnKafkaButGoesOn() throws Exception {
    // given a case holding its three notes (hotline.handling.limits.notes-per-case, here)
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    for (int i = 1; i <= 3; i++) {
      unitReports(ticket, "{\"unit\":\"hrss\",\"kind\":\"NOTE\",\"text\":\"第%d条\"}".formatted(i))
          .andExpect(status().isAccepted());
    }
    awaitLifecycle(ticket, "OPENED", "NOTE", "NOTE", "NOTE");

    // when a fourth comes over REST, and another on Kafka
    unitReports(ticket, "{\"unit\":\"hrss\",\"kind\":\"NOTE\",\"text\":\"第4条\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/case-file-full"))
        .andExpect(jsonPath("$.title").value("案卷已达上限 (Case file limit reached)"))
        .andExpect(jsonPath("$.errors[0].field").value("kind"))
        .andExpect(
            jsonPath("$.errors[0].message").value(Matchers.containsString("at most 3 notes")))
        .andExpect(jsonPath("$.caseStatus").value("ASSIGNED"));
    departmentReports(
        ticket, "NOTE", "\"at\":\"%s\",\"text\":\"第5条\"".formatted(local(0, "09:40")));
    departmentReports(
        ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "09:50")));

    // then the REST one was not published, the Kafka one is refused with the reason on the
    // unit's lifecycle, and the ticket goes on
    awaitLifecycle(ticket, "OPENED", "NOTE", "NOTE", "NOTE", "REFUSED", "ACCEPTED");
    assertThat(JsonPath.<String>read(lifecycle(ticket).get(4), "$.detail"))
        .contains("at most 3 notes");
    assertThat(probe.recordsFor(Topics.TICKET_PROGRESS, ticket)).hasSize(5);
  }

  @Test
  void aReportOnAnotherPartitionThanItsTicketsIsAppliedAsIfPartitionedByItsKey() throws Exception {
    // given a ticket in handling, and the partition a Java client would choose for it
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    int javas = Utils.toPositive(Utils.murmur2(ticket.getBytes(StandardCharsets.UTF_8))) % 3;

    // when a unit's client that partitions otherwise (librdkafka's default) writes its report to
    // another partition of its own topic
    String json =
        departmentJson(
            ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "09:30")));
    int written = sendToPartition(Topics.progressOf("hrss"), (javas + 1) % 3, ticket, json);

    // then it reaches the case all the same
    assertThat(written).isNotEqualTo(javas);
    awaitLifecycle(ticket, "OPENED", "ACCEPTED");
    mvc.perform(get("/api/cases/" + ticket)).andExpect(jsonPath("$.status").value("ACCEPTED"));
  }

  @Test
  void repeatAppealsJoinTheOpenCaseSoTheUnitHasOneCaseAndEveryCitizenIsCalledBackOnItsResult()
      throws Exception {
    // given a ticket transferred to hrss, and two more citizens calling about the same burst
    // pipe, which intake linked to it
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    String second = linkedTo(ticket, "hrss", local(5, "00:00"), "柴达木路12号楼下水管爆裂，水漫到路面");
    String third = linkedTo(ticket, "hrss", local(5, "00:00"), "柴达木路水管爆了，整栋楼停水");

    // then the unit's one case shows both citizens, and neither appeal is a case of the unit's
    awaitLifecycle(second, "LINKED");
    awaitLifecycle(third, "LINKED");
    awaitLifecycle(ticket, "OPENED", "APPEAL_LINKED", "APPEAL_LINKED");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        probe.recordsFor(Topics.lifecycleOf("hrss"), ticket).stream()
                            .map(record -> JsonPath.<String>read(record.value(), "$.detail"))
                            .toList())
                    .hasSize(3)
                    .anySatisfy(detail -> assertThat(detail).contains(second, "水漫到路面"))
                    .anySatisfy(detail -> assertThat(detail).contains(third, "整栋楼停水")));
    mvc.perform(get("/api/cases/" + ticket))
        .andExpect(jsonPath("$.linkedAppeals").value(Matchers.containsInAnyOrder(second, third)));
    mvc.perform(get("/api/cases/" + second)).andExpect(jsonPath("$.linkedTo").value(ticket));

    // when the unit resolves the case and the hotline approves the result
    departmentReports(
        ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "09:30")));
    departmentReports(
        ticket, "RESOLVED", "\"at\":\"%s\",\"text\":\"已抢修爆裂水管，恢复供水\"".formatted(local(0, "11:00")));
    awaitLifecycle(ticket, "OPENED", "APPEAL_LINKED", "APPEAL_LINKED", "ACCEPTED", "RESOLVED");
    hotline(ticket, "{\"kind\":\"REVIEW_APPROVED\",\"by\":\"审核员\"}");

    // then each citizen's appeal has the result and waits for its callback
    awaitLifecycle(second, "LINKED", "RESULT_SHARED");
    awaitLifecycle(third, "LINKED", "RESULT_SHARED");
    assertThat(JsonPath.<String>read(lifecycle(third).get(1), "$.detail"))
        .isEqualTo("工单%s已办结：已抢修爆裂水管，恢复供水".formatted(ticket));
    assertThat(JsonPath.<String>read(lifecycle(third).get(1), "$.status")).isEqualTo("APPROVED");

    // and a callback on one closes that one
    hotline(
        second,
        "{\"kind\":\"CALLBACK\",\"by\":\"回访员\",\"reached\":true,\"solved\":true,"
            + "\"satisfaction\":\"SATISFIED\"}");
    awaitLifecycle(second, "LINKED", "RESULT_SHARED", "CALLBACK_RECORDED", "CLOSED");
    assertThat(lifecycleKinds(ticket))
        .containsExactly(
            "OPENED", "APPEAL_LINKED", "APPEAL_LINKED", "ACCEPTED", "RESOLVED", "REVIEW_APPROVED");
    assertThat(probe.recordsFor(Topics.lifecycleOf("hrss"), second)).isEmpty();
    assertThat(probe.recordsFor(Topics.lifecycleOf("hrss"), third)).isEmpty();
  }

  /** The service's clock: real time until a test sets it. */
  static final class TestClock extends Clock {

    private volatile Instant fixed;

    void set(String offsetDateTime) {
      fixed = OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    void reset() {
      fixed = null;
    }

    @Override
    public Instant instant() {
      return fixed != null ? fixed : Instant.now();
    }

    @Override
    public ZoneId getZone() {
      return HotlineTime.ZONE;
    }

    /** Every use of the clock asks for the hotline's zone; the instant is what the test sets. */
    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @TestConfiguration
  static class MovableClock {

    @Bean
    TestClock clock() {
      return new TestClock();
    }
  }

  /** Today (Asia/Shanghai, real time) plus some days, at a local time, as the contract writes. */
  @Test
  void aUnitsSystemMayPostOverRestTheSameEventItWouldWriteOnKafka() throws Exception {
    // given a case at hrss, and the report as the ProgressReport schema has it (its ticket number
    // and unit included), checked against the schema
    clock.set(local(0, "10:00"));
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    String event =
        departmentJson(
            ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"unit-hrss\"".formatted(local(0, "09:30")));

    // when it is posted as it is, and once more naming another ticket
    unitReports(ticket, event).andExpect(status().isAccepted());
    unitReports(ticket, event.replace(ticket, "990101-01-0001"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("ticketNumber"));

    // then the first is applied
    awaitLifecycle(ticket, "OPENED", "ACCEPTED");
  }

  @Test
  void hostileReportsAndActionsNeitherAnswer5xxNorStopTheLoop() throws Exception {
    // given a case at hrss
    clock.set(local(0, "10:00"));
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    String report =
        departmentJson(
            ticket,
            "NOTE",
            "\"at\":\"%s\",\"by\":\"张科长\",\"text\":\"已联系\"".formatted(local(0, "09:30")));
    String action =
        "{\"eventId\":\"%s\",\"kind\":\"CALLBACK\",\"at\":\"%s\",\"reached\":true,\"solved\":true,\"satisfaction\":\"SATISFIED\"}"
            .formatted(UUID.randomUUID(), local(0, "09:40"));
    String hrss = ISSUER.unit("hrss");
    String reviewer = ISSUER.staff("REVIEWER");

    // when hundreds of hostile variants come over REST and Kafka (HostileJson, a fixed seed)
    for (var hostile : HostileJson.variants(report, 20261206L, 150)) {
      CleanAnswers.assertClean(
          mvc.perform(
                  post("/api/cases/" + ticket + "/progress")
                      .header("Authorization", "Bearer " + hrss)
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(hostile.body()))
              .andReturn(),
          hostile);
      probe.sendRaw("progress-hrss", ticket, hostile.body());
      probe.sendRaw(Topics.TICKET_PROGRESS, ticket, hostile.body());
    }
    for (var hostile : HostileJson.variants(action, 20261206L, 150)) {
      CleanAnswers.assertClean(
          mvc.perform(
                  post("/api/cases/" + ticket + "/actions")
                      .header("Authorization", "Bearer " + reviewer)
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(hostile.body()))
              .andReturn(),
          hostile);
      probe.sendRaw(Topics.HOTLINE_ACTIONS, ticket, hostile.body());
    }

    // then the unit's next real report is still taken, and the service is up
    departmentReports(
        ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "10:30")));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(lifecycleKinds(ticket)).contains("ACCEPTED"));
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }

  private static String local(int days, String time) {
    return LocalDate.now(HotlineTime.ZONE)
        .plusDays(days)
        .atTime(LocalTime.parse(time))
        .atZone(HotlineTime.ZONE)
        .toOffsetDateTime()
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * Routing transfers a ticket, as routing-service publishes it: its decision on {@code
   * routing-decisions} and the unit's assignment on the unit's own topic.
   */
  private String transferred(String unit, String routedAt, String dueAt) {
    String ticket = "261123-05-%04d".formatted(SEQUENCE.incrementAndGet());
    var received = OffsetDateTime.parse(routedAt).minusMinutes(10);
    var routed = OffsetDateTime.parse(routedAt);
    var due = OffsetDateTime.parse(dueAt);
    var decision =
        new TicketRouted(
            UUID.randomUUID(),
            ticket,
            received,
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
            due,
            Priority.NORMAL);
    var assignment =
        new TicketAssigned(
            UUID.randomUUID(),
            ticket,
            unit,
            AssignmentRole.PRIMARY,
            unit,
            List.of(),
            "wage-arrears",
            "630105",
            "hotline-phone",
            AppealType.COMPLAINT,
            "来电人反映老板拖欠三个月工资未结。",
            "城北区柴达木路",
            received,
            routed,
            due,
            Priority.NORMAL);
    probe.sendRaw(Topics.ROUTING_DECISIONS, ticket, EventJson.MAPPER.writeValueAsString(decision));
    probe.sendRaw(
        Topics.assignmentsOf(unit), ticket, EventJson.MAPPER.writeValueAsString(assignment));
    return ticket;
  }

  /**
   * A citizen calls about a problem already in handling: intake publishes the appeal, and routing
   * links it to the open ticket (no assignment is sent).
   */
  private String linkedTo(String joined, String unit, String dueAt, String content)
      throws Exception {
    String ticket = "261123-05-%04d".formatted(SEQUENCE.incrementAndGet());
    var received = OffsetDateTime.now(HotlineTime.ZONE).minusMinutes(1);
    String json =
        ("{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"receivedAt\":\"%s\","
                + "\"channel\":\"hotline-phone\",\"content\":\"%s\",\"repeatOf\":{\"ticketNumber\":\"%s\"}}")
            .formatted(UUID.randomUUID(), ticket, received, content, joined);
    assertThat(violations("TicketReceived", json)).as(json).isEmpty();
    probe.sendRaw(Topics.TICKETS_RECEIVED, ticket, json);
    var decision =
        new TicketRouted(
            UUID.randomUUID(),
            ticket,
            received,
            received.plusSeconds(30),
            "hotline-phone",
            RoutingOutcome.LINKED,
            "water-supply",
            "630105",
            unit,
            List.of(),
            "repeat-appeal",
            "test",
            "重复件，并入工单" + joined,
            OffsetDateTime.parse(dueAt),
            Priority.NORMAL,
            List.of(),
            joined);
    probe.sendRaw(Topics.ROUTING_DECISIONS, ticket, EventJson.MAPPER.writeValueAsString(decision));
    return ticket;
  }

  /** Routing transfers a returned ticket to another unit. */
  private void transferredAgain(String ticket, String unit, int returns) {
    var decision =
        new TicketRouted(
            UUID.randomUUID(),
            ticket,
            OffsetDateTime.now().minusDays(1),
            OffsetDateTime.now(),
            "hotline-phone",
            RoutingOutcome.TRANSFER,
            "wage-arrears",
            "630105",
            unit,
            List.of(),
            "returned-" + returns,
            "test",
            "改由" + unit + "办理",
            OffsetDateTime.now().plusDays(5),
            Priority.NORMAL);
    probe.sendRaw(Topics.ROUTING_DECISIONS, ticket, EventJson.MAPPER.writeValueAsString(decision));
  }

  /** A department's own system reads its assignment and checks it against the schema. */
  private String departmentReadsItsAssignment(String unit, String ticket) {
    var assignments =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> probe.recordsFor(Topics.assignmentsOf(unit), ticket), r -> !r.isEmpty());
    String json = assignments.get(0).value();
    assertThat(violations("TicketAssigned", json)).as(json).isEmpty();
    assertThat(JsonPath.<String>read(json, "$.unit")).isEqualTo(unit);
    return json;
  }

  /**
   * A department's own system: JSON written by hand from the published schema, checked against it,
   * sent with a plain producer. Returns what was sent.
   */
  private String departmentReports(String ticket, String kind, String fields) {
    String json = departmentJson(ticket, kind, fields);
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, json);
    return json;
  }

  /** A note the schema itself says is too long (its text's maxLength), and nothing else. */
  private String overLongNote(String ticket, String at, String text) {
    String json =
        "{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"unit\":\"hrss\",\"kind\":\"NOTE\",%s,\"text\":\"%s\"}"
            .formatted(UUID.randomUUID(), ticket, at, text);
    assertThat(violations("ProgressReport", json).toString()).contains("$.text").contains("2,000");
    assertThat(violations("ProgressReport", json)).hasSize(1);
    return json;
  }

  private String departmentJson(String ticket, String kind, String fields) {
    String json =
        "{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"unit\":\"hrss\",\"kind\":\"%s\",%s}"
            .formatted(UUID.randomUUID(), ticket, kind, fields);
    assertThat(violations("ProgressReport", json)).as(json).isEmpty();
    return json;
  }

  /** A producer that sets the record's timestamp itself, as any unit's producer may. */
  private void sendStamped(String topic, String key, String json, OffsetDateTime timestamp)
      throws Exception {
    var props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topic,
                  null,
                  timestamp.toInstant().toEpochMilli(),
                  key,
                  json.getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }

  /** A producer that chooses the partition itself, as any unit's client may. */
  private int sendToPartition(String topic, int partition, String key, String json)
      throws Exception {
    var props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      return producer
          .send(new ProducerRecord<>(topic, partition, key, json.getBytes(StandardCharsets.UTF_8)))
          .get()
          .partition();
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    assertThat(header).as(name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * A unit's report over REST, signed in as the unit the body names (by the name it gives, if it
   * gives one), as that unit's own system would be.
   */
  private ResultActions unitReports(String ticket, String json) throws Exception {
    String unit = field(json, "unit").orElseThrow();
    String token =
        ISSUER.token(
            field(json, "by").orElse("unit-" + unit), java.util.List.of("UNIT"), unit, null);
    return mvc.perform(
        post("/api/cases/" + ticket + "/progress")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  /** A decision of the hotline's staff, signed in as the reviewer the body names. */
  private ResultActions hotlineActs(String ticket, String json) throws Exception {
    String token =
        ISSUER.token(
            field(json, "by").orElse("reviewer"), java.util.List.of("REVIEWER"), null, null);
    return mvc.perform(
        post("/api/cases/" + ticket + "/actions")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private static java.util.Optional<String> field(String json, String name) {
    var value = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    return value.find() ? java.util.Optional.of(value.group(1)) : java.util.Optional.empty();
  }

  private void hotline(String ticket, String action) throws Exception {
    hotlineActs(ticket, action).andExpect(status().isAccepted());
  }

  /** A 409 problem whose detail gives the reason in Chinese. */
  private static void refused(ResultActions response, String reason) throws Exception {
    response
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString(reason)))
        .andExpect(jsonPath("$.caseStatus").exists());
  }

  private void awaitLifecycleSize(String ticket, int size) {
    await().atMost(Duration.ofSeconds(60)).until(() -> lifecycle(ticket).size() >= size);
  }

  /** Reads ticket-lifecycle as a department would (read_committed) until these kinds are there. */
  private void awaitLifecycle(String ticket, String... kinds) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(lifecycleKinds(ticket)).containsExactly(kinds));
  }

  private List<String> lifecycleKinds(String ticket) {
    return lifecycle(ticket).stream().map(json -> JsonPath.<String>read(json, "$.kind")).toList();
  }

  /** The ticket's lifecycle events, each checked against the published CaseEvent schema. */
  private List<String> lifecycle(String ticket) {
    var events =
        probe.recordsFor(Topics.TICKET_LIFECYCLE, ticket).stream()
            .map(record -> record.value())
            .toList();
    events.forEach(json -> assertThat(violations("CaseEvent", json)).as(json).isEmpty());
    return events;
  }

  private static java.util.Set<?> violations(String schemaName, String json) {
    try (var schema =
        TicketRouted.class.getResourceAsStream("/schemas/" + schemaName + ".schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(schema)
          .validate(json, InputFormat.JSON);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
