package cn.gov.xining.hotline.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.ReturnReason;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketReturned;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What routing does against a real broker, fed the way intake feeds it (JSON on {@code
 * tickets-received}) and read the way departments read (plain consumers, committed records only).
 */
abstract class DispatchScenarios {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired DecidedTickets decidedTickets;

  TopicProbe probe;

  @BeforeEach
  void probe() {
    probe = new TopicProbe(bootstrapServers);
  }

  @Test
  void aWageComplaintIsAssignedToLabourInspectionAndToTheDistrictOnTheirOwnTopics() {
    var ticket = receive("wage-arrears", "630105", "来电人反映城北区某工地老板拖欠三个月工资。");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var lead = probe.recordsFor(Topics.assignmentsOf("hrss"), ticket);
              assertThat(lead)
                  .singleElement()
                  .satisfies(
                      r -> {
                        assertThat(JsonPath.<String>read(r.value(), "$.role")).isEqualTo("PRIMARY");
                        assertThat(JsonPath.<String>read(r.value(), "$.content"))
                            .contains("拖欠三个月工资");
                      });
              var assist = probe.recordsFor(Topics.assignmentsOf("gov-630105"), ticket);
              assertThat(assist)
                  .singleElement()
                  .satisfies(
                      r ->
                          assertThat(JsonPath.<String>read(r.value(), "$.role"))
                              .isEqualTo("ASSISTING"));
              var decision = probe.recordsFor(Topics.ROUTING_DECISIONS, ticket);
              assertThat(decision)
                  .singleElement()
                  .satisfies(
                      r -> {
                        assertThat(JsonPath.<String>read(r.value(), "$.outcome"))
                            .isEqualTo("TRANSFER");
                        assertThat(JsonPath.<String>read(r.value(), "$.ruleId"))
                            .isEqualTo("operator-topic");
                      });
            });
  }

  @Test
  void aPolicyQuestionIsRecordedAsDirectAndAssignedToNobody() {
    var ticket = receive("policy-consultation", null, "请问个体工商户营业执照注销的流程是什么？");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, ticket))
                    .singleElement()
                    .satisfies(
                        r ->
                            assertThat(JsonPath.<String>read(r.value(), "$.outcome"))
                                .isEqualTo("DIRECT")));
    assertThat(probe.recordsFor(Topics.TICKETS_TRIAGE, ticket)).isEmpty();
  }

  @Test
  void aGarbageComplaintWithoutADistrictWaitsInTriageWithTheWholeTicket() {
    var ticket = receive("garbage", null, "小区垃圾堆了一个礼拜没人清运。");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.TICKETS_TRIAGE, ticket))
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(JsonPath.<String>read(r.value(), "$.decision.ruleId"))
                              .isEqualTo("district-unknown");
                          assertThat(JsonPath.<String>read(r.value(), "$.decision.primaryUnit"))
                              .isEqualTo("district");
                          assertThat(JsonPath.<String>read(r.value(), "$.ticket.content"))
                              .contains("垃圾堆了");
                        }));
    assertThat(probe.recordsFor(Topics.assignmentsOf("urban-management"), ticket)).isEmpty();
  }

  @Test
  void aHeatingComplaintWithoutADistrictGoesToTheHeatingOfficeAndLeavesTheDistrictToBeNamed() {
    var ticket = receive("heating", null, "暖气不热，室温只有十二度。");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.assignmentsOf("heating"), ticket))
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(
                                  JsonPath.<java.util.List<String>>read(
                                      r.value(), "$.assistingUnits"))
                              .containsExactly("district");
                          assertThat(JsonPath.<String>read(r.value(), "$.dueAt"))
                              .endsWith("+08:00");
                        }));
    assertThat(probe.recordsFor(Topics.TICKETS_TRIAGE, ticket)).isEmpty();
  }

  @Test
  void aPoisonPillIsDeadLetteredAndTheNextTicketStillFlows() {
    String poisonKey = "poison-" + UUID.randomUUID();
    probe.sendRaw(Topics.TICKETS_RECEIVED, poisonKey, "这不是JSON {");
    var next = receive("water-supply", null, "小区停水两天了。");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var dead = probe.recordsFor(Topics.deadLetterOf(Topics.TICKETS_RECEIVED), poisonKey);
              assertThat(dead)
                  .singleElement()
                  .satisfies(
                      r -> {
                        assertThat(r.value()).isEqualTo("这不是JSON {");
                        assertThat(r.headers().lastHeader("kafka_dlt-exception-message"))
                            .isNotNull();
                      });
              assertThat(probe.recordsFor(Topics.assignmentsOf("water"), next)).hasSize(1);
            });
  }

  @Test
  void aTicketPublishedTwiceUnderOneNumberIsDecidedAndAssignedOnce() {
    String number = numbered();
    String ticket = ticketJson(number, "来电人反映工地老板拖欠三个月工资。");
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, ticket);
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, ticket); // intake's outbox re-sending it
    var next = receive("water-supply", null, "小区停水两天了。");

    awaitDecided(next);
    assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, number)).hasSize(1);
    assertThat(probe.recordsFor(Topics.assignmentsOf("hrss"), number)).hasSize(1);
  }

  @Test
  void aTicketDecidedBeforeARestartIsRecognisedFromTheDecisionsTopic() {
    String number = numbered();
    // Decided by an earlier routing process: only the decisions topic remembers it.
    probe.sendRaw(
        Topics.ROUTING_DECISIONS,
        number,
        "{\"ticketNumber\":\"%s\",\"outcome\":\"DIRECT\"}".formatted(number));
    decidedTickets.reload();

    probe.sendRaw(Topics.TICKETS_RECEIVED, number, ticketJson(number, "小区停水两天了。"));
    var next = receive("water-supply", null, "小区又停水了。");

    awaitDecided(next);
    assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, number)).hasSize(1);
    assertThat(probe.recordsFor(Topics.assignmentsOf("water"), number)).isEmpty();
  }

  @Test
  void aReturnedTicketGoesToTheNextCandidateUnitAndWhenAllReturnedItToTriage() {
    String number = numbered();
    var ticket =
        EventJson.MAPPER.readValue(ticketJson(number, "来电人反映工地老板拖欠三个月工资。"), TicketReceived.class);

    probe.sendRaw(
        Topics.TICKETS_RETURNED,
        number,
        EventJson.MAPPER.writeValueAsString(returned(ticket, "hrss", List.of("hrss"))));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.assignmentsOf("gov-630105"), number))
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(JsonPath.<String>read(r.value(), "$.role"))
                              .isEqualTo("PRIMARY");
                          assertThat(JsonPath.<String>read(r.value(), "$.content")).contains("拖欠");
                        }));
    var decision = probe.recordsFor(Topics.ROUTING_DECISIONS, number).get(0).value();
    assertThat(JsonPath.<String>read(decision, "$.ruleId")).isEqualTo("returned-1");
    assertThat(JsonPath.<String>read(decision, "$.reason")).contains("hrss", "NOT_OUR_DUTY");

    probe.sendRaw(
        Topics.TICKETS_RETURNED,
        number,
        EventJson.MAPPER.writeValueAsString(
            returned(ticket, "gov-630105", List.of("hrss", "gov-630105"))));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.TICKETS_TRIAGE, number))
                    .singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("候选单位均已退回", "拖欠三个月工资")));
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aTicketNumberSeenAgainWithAnotherAppealIsAnAlarmAndADeadLetterNeverASilentDuplicate(
      CapturedOutput output) {
    // given a ticket decided before routing restarted: only the decisions topic remembers it
    String number = numbered();
    String first = ticketJson(number, "来电人反映工地老板拖欠三个月工资。");
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, first);
    awaitDecided(number);
    decidedTickets.reload();

    // when the same ticket is re-sent, then intake (its data reset) gives the number to another
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, first);
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, ticketJson(number, "小区停水两天了。"));

    // then the other appeal is dead-lettered with the reason, and only it
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.deadLetterOf(Topics.TICKETS_RECEIVED), number))
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(r.value()).contains("小区停水两天了");
                          assertThat(exceptionMessage(r))
                              .contains(number, "already decided for another appeal");
                        }));
    // and an ERROR line names the number
    assertThat(output.getAll().lines())
        .anyMatch(line -> line.contains("ERROR") && line.contains(number));
    // and the re-sent ticket stayed a quiet duplicate: still one decision, nothing for water
    assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, number)).hasSize(1);
    assertThat(probe.recordsFor(Topics.assignmentsOf("water"), number)).isEmpty();
  }

  @Test
  void aTicketNamingADistrictTheCatalogDoesNotKnowIsDeadLetteredNotSentToAGovernmentThatIsNot() {
    String number = numbered();
    probe.sendRaw(
        Topics.TICKETS_RECEIVED, number, ticketJson(number, "来电人反映工地老板拖欠三个月工资。", "999999"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.deadLetterOf(Topics.TICKETS_RECEIVED), number))
                    .singleElement()
                    .satisfies(
                        r -> assertThat(exceptionMessage(r)).contains("districtCode", "999999")));
    assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, number)).isEmpty();
  }

  @Test
  void anAssignmentCarriesNeitherTheCallersNumberNorItsHash() {
    // given a ticket from a caller who left a number
    String number = numbered();
    String phoneHash = "5e884898da28047151d0e56f8dc62927";
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            number,
            OffsetDateTime.parse("2026-01-31T09:00:00+08:00"),
            "hotline-phone",
            AppealType.COMPLAINT,
            "来电人反映工地老板拖欠三个月工资。",
            null,
            "630105",
            null,
            "138****5678",
            phoneHash,
            null,
            null,
            false,
            null,
            null,
            List.of());
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, EventJson.MAPPER.writeValueAsString(ticket));

    // then what the units read has neither the masked number nor its hash
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var assignments =
                  new ArrayList<>(probe.recordsFor(Topics.assignmentsOf("hrss"), number));
              assignments.addAll(probe.recordsFor(Topics.assignmentsOf("gov-630105"), number));
              assertThat(assignments).hasSize(2);
              assertThat(assignments)
                  .allSatisfy(
                      r ->
                          assertThat(r.value())
                              .doesNotContain("callerPhone", phoneHash, "5678")
                              .contains("拖欠三个月工资"));
            });
  }

  private static String exceptionMessage(ConsumerRecord<String, String> deadLetter) {
    var header = deadLetter.headers().lastHeader("kafka_dlt-exception-message");
    assertThat(header).as("the dead letter's exception message").isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static TicketReturned returned(
      TicketReceived ticket, String unit, List<String> excluded) {
    return new TicketReturned(
        UUID.randomUUID(),
        ticket,
        unit,
        ReturnReason.NOT_OUR_DUTY,
        excluded,
        OffsetDateTime.parse("2026-11-23T10:00:00+08:00"));
  }

  private void awaitDecided(String number) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !probe.recordsFor(Topics.ROUTING_DECISIONS, number).isEmpty());
  }

  /** A number of intake's form, so the compact bit sets are the ones exercised. */
  private static String numbered() {
    return "260131-97-%05d".formatted(SEQUENCE.incrementAndGet() + 10_000);
  }

  private static String ticketJson(String number, String content) {
    return ticketJson(number, content, "630105");
  }

  private static String ticketJson(String number, String content, String districtCode) {
    return EventJson.MAPPER.writeValueAsString(
        new TicketReceived(
            UUID.randomUUID(),
            number,
            OffsetDateTime.parse("2026-01-31T09:00:00+08:00"),
            "hotline-phone",
            AppealType.COMPLAINT,
            content,
            null,
            districtCode,
            null));
  }

  /** Publishes a ticket as intake would and returns its number. */
  String receive(String topicCode, String districtCode, String content) {
    return probe.receive(content, null, districtCode, topicCode);
  }
}
