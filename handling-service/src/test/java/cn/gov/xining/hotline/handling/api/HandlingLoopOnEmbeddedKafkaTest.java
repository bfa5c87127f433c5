package cn.gov.xining.hotline.handling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The handling loop for real on a broker. The department here is a plain Kafka client that knows
 * only the published schema: it writes its reports as JSON text and reads the outcome from {@code
 * ticket-lifecycle}; the hotline's staff use the REST API.
 */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.streams.state-dir=${java.io.tmpdir}/handling-test-${random.uuid}",
      "hotline.handling.deadline-check-interval=500ms"
    })
@EmbeddedKafka(partitions = 3)
@AutoConfigureMockMvc
class HandlingLoopOnEmbeddedKafkaTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired MockMvc mvc;

  @Autowired MeterRegistry meters;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  TopicProbe probe;

  @BeforeEach
  void probe() {
    probe = new TopicProbe(bootstrapServers);
  }

  @Test
  void aTicketIsSignedForExtendedResolvedReviewedCalledBackAndClosed() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");

    departmentReports(
        ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "09:30")));
    // Asked at 16:00, before the daily cut-off at 17:00.
    departmentReports(
        ticket,
        "EXTENSION_REQUESTED",
        "\"at\":\"%s\",\"text\":\"需协调企业账户解冻\",\"requestedDueAt\":\"%s\""
            .formatted(local(1, "16:00"), local(12, "00:00")));
    awaitLifecycle(ticket, "OPENED", "ACCEPTED", "EXTENSION_REQUESTED");
    hotline(ticket, "{\"kind\":\"EXTENSION_GRANTED\",\"by\":\"值班长\"}");
    awaitLifecycle(ticket, "OPENED", "ACCEPTED", "EXTENSION_REQUESTED", "EXTENSION_GRANTED");
    departmentReports(
        ticket, "RESOLVED", "\"at\":\"%s\",\"text\":\"已督促企业结清工资\"".formatted(local(2, "10:00")));
    awaitLifecycle(
        ticket, "OPENED", "ACCEPTED", "EXTENSION_REQUESTED", "EXTENSION_GRANTED", "RESOLVED");
    hotline(ticket, "{\"kind\":\"REVIEW_APPROVED\",\"by\":\"审核员\"}");
    awaitLifecycle(
        ticket,
        "OPENED",
        "ACCEPTED",
        "EXTENSION_REQUESTED",
        "EXTENSION_GRANTED",
        "RESOLVED",
        "REVIEW_APPROVED");
    hotline(
        ticket,
        "{\"kind\":\"CALLBACK\",\"by\":\"回访员\",\"reached\":true,\"solved\":true,"
            + "\"satisfaction\":\"SATISFIED\"}");

    awaitLifecycle(
        ticket,
        "OPENED",
        "ACCEPTED",
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
        .andExpect(jsonPath("$.history[6].satisfaction").value("SATISFIED"));
  }

  @Test
  void illegalReportsAreRefusedWithAReasonAndARepeatedReportChangesNothing() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    departmentReports(
        ticket, "RESOLVED", "\"at\":\"%s\",\"text\":\"已处理\"".formatted(local(0, "10:00")));
    String accepted =
        departmentReports(
            ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "10:05")));
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, accepted); // the same report again
    mvc.perform(
            post("/api/cases/" + ticket + "/progress")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":\"water\",\"kind\":\"ACCEPTED\",\"by\":\"王\"}"))
        .andExpect(status().isAccepted());

    awaitLifecycle(ticket, "OPENED", "REFUSED", "ACCEPTED", "REFUSED");
    var refusals =
        probe.recordsFor(Topics.TICKET_LIFECYCLE, ticket).stream()
            .map(r -> JsonPath.<String>read(r.value(), "$.detail"))
            .filter(d -> d.startsWith("RESOLVED") || d.startsWith("ACCEPTED"))
            .toList();
    assertThat(refusals)
        .anySatisfy(d -> assertThat(d).contains("never accepted"))
        .anySatisfy(d -> assertThat(d).contains("not assigned to this unit"));
  }

  @Test
  void aTicketReturnedThreeTimesWaitsInTheSupervisorsQueue() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    awaitLifecycle(ticket, "OPENED");
    String[] units = {"hrss", "housing", "market"};
    for (int i = 0; i < units.length; i++) {
      if (i > 0) {
        transferredAgain(ticket, units[i], i);
      }
      mvc.perform(
              post("/api/cases/" + ticket + "/progress")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"unit\":\"%s\",\"kind\":\"RETURNED\",\"returnReason\":\"NOT_OUR_DUTY\"}"
                          .formatted(units[i])))
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
  void aReportMissingWhatItsKindNeedsIsABadRequestNamingTheField() throws Exception {
    mvc.perform(
            post("/api/cases/261123-01-0001/progress")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":\"hrss\",\"kind\":\"RETURNED\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("returnReason")));
    mvc.perform(get("/api/cases/990101-01-0001")).andExpect(status().isNotFound());
  }

  @Test
  void aTicketPastItsTimeLimitIsReportedOverdueToTheUnitAndNotAgain() {
    String ticket = transferred("hrss", "2026-11-01T09:00:00+08:00", "2026-11-06T00:00:00+08:00");

    awaitLifecycle(ticket, "OPENED", "OVERDUE");
    var overdue = probe.recordsFor(Topics.TICKET_LIFECYCLE, ticket).get(1).value();
    assertThat(JsonPath.<String>read(overdue, "$.primaryUnit")).isEqualTo("hrss");
    // What the operations dashboard shows: the event counted, the case among the overdue ones.
    assertThat(meters.get("hotline.handling.events").tag("kind", "OVERDUE").counter().count())
        .isGreaterThanOrEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> meters.get("hotline.handling.cases.overdue").gauge().value() >= 1);
  }

  @Test
  void anUnreadableReportIsDeadLetteredAndTheNextOneStillCounts() throws Exception {
    String ticket = transferred("hrss", local(0, "09:00"), local(5, "00:00"));
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, "这不是JSON {");
    departmentReports(
        ticket, "ACCEPTED", "\"at\":\"%s\",\"by\":\"张科长\"".formatted(local(0, "09:30")));

    awaitLifecycle(ticket, "OPENED", "ACCEPTED");
    assertThat(probe.recordsFor(Topics.deadLetterOf(Topics.TICKET_PROGRESS), ticket)).hasSize(1);
    assertThat(
            meters
                .get("hotline.dead.letters")
                .tag("topic", Topics.TICKET_PROGRESS)
                .counter()
                .count())
        .as("dead letters counted for the operations dashboard")
        .isGreaterThanOrEqualTo(1);
  }

  /** Today (Asia/Shanghai) plus some days, at a local time, as the contract writes times. */
  private static String local(int days, String time) {
    return java.time.LocalDate.now(cn.gov.xining.hotline.contract.HotlineTime.ZONE)
        .plusDays(days)
        .atTime(java.time.LocalTime.parse(time))
        .atZone(cn.gov.xining.hotline.contract.HotlineTime.ZONE)
        .toOffsetDateTime()
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Routing transfers a ticket (as routing-service publishes it). */
  private String transferred(String unit, String routedAt, String dueAt) {
    String ticket = "261123-05-%04d".formatted(SEQUENCE.incrementAndGet());
    var decision =
        new TicketRouted(
            UUID.randomUUID(),
            ticket,
            OffsetDateTime.parse(routedAt).minusMinutes(10),
            OffsetDateTime.parse(routedAt),
            "hotline-phone",
            RoutingOutcome.TRANSFER,
            "wage-arrears",
            "630105",
            unit,
            List.of(),
            "operator-topic",
            "test",
            "转交",
            OffsetDateTime.parse(dueAt),
            Priority.NORMAL);
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

  private void awaitLifecycleSize(String ticket, int size) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> probe.recordsFor(Topics.TICKET_LIFECYCLE, ticket).size() >= size);
  }

  /**
   * A department's own system: JSON written by hand from the published schema, checked against it,
   * sent with a plain producer. Returns what was sent.
   */
  private String departmentReports(String ticket, String kind, String fields) throws Exception {
    String json =
        "{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"unit\":\"hrss\",\"kind\":\"%s\",%s}"
            .formatted(UUID.randomUUID(), ticket, kind, fields);
    try (var schema =
        TicketRouted.class.getResourceAsStream("/schemas/ProgressReport.schema.json")) {
      var violations =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(schema)
              .validate(json, InputFormat.JSON);
      assertThat(violations).as(json).isEmpty();
    }
    probe.sendRaw(Topics.TICKET_PROGRESS, ticket, json);
    return json;
  }

  private void hotline(String ticket, String action) throws Exception {
    mvc.perform(
            post("/api/cases/" + ticket + "/actions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(action))
        .andExpect(status().isAccepted());
  }

  /** Reads ticket-lifecycle as a department would (read_committed) until these kinds are there. */
  private void awaitLifecycle(String ticket, String... kinds) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        probe.recordsFor(Topics.TICKET_LIFECYCLE, ticket).stream()
                            .map(r -> JsonPath.<String>read(r.value(), "$.kind"))
                            .toList())
                    .containsExactly(kinds));
  }
}
