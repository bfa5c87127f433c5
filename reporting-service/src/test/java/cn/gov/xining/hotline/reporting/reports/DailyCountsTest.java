package cn.gov.xining.hotline.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.CatalogLoader;
import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.reporting.figures.ReportingTopologyDriver;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/reports/daily}'s answer, drawn from the production topology's figures, driven
 * without a broker.
 */
class DailyCountsTest {

  private static final LocalDate JAN_31 = LocalDate.parse("2026-01-31");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, TicketReceived> received;
  private TestInputTopic<String, TicketRouted> routed;
  private Reports reports;

  @BeforeEach
  void startTopology() {
    driver = ReportingTopologyDriver.start(stateDir);
    received = ReportingTopologyDriver.input(driver, Topics.TICKETS_RECEIVED, TicketReceived.class);
    routed = ReportingTopologyDriver.input(driver, Topics.ROUTING_DECISIONS, TicketRouted.class);
    reports =
        ReportingTopologyDriver.reports(
            driver,
            CatalogLoader.load(
                new org.springframework.core.io.ClassPathResource("catalog/xining-catalog.yaml")),
            ReportingProperties.defaults());
  }

  @AfterEach
  void stopTopology() {
    driver.close();
  }

  @Test
  void countsReceivedTicketsByChannelAndRoutedTicketsByOutcomeTopicDistrictAndUnit() {
    receive("260131-01-0001", "2026-01-31T09:00:00+08:00", "hotline-phone");
    receive("260131-01-0002", "2026-01-31T10:00:00+08:00", "hotline-phone");
    receive("260131-01-0003", "2026-01-31T11:00:00+08:00", "mayor-mailbox");
    route(
        "260131-01-0001",
        "2026-01-31T09:00:00+08:00",
        RoutingOutcome.TRANSFER,
        "wage-arrears",
        "630105",
        "hrss",
        List.of("gov-630105"));
    route(
        "260131-01-0002",
        "2026-01-31T10:00:00+08:00",
        RoutingOutcome.DIRECT,
        "policy-consultation",
        null,
        "hotline",
        List.of());
    route(
        "260131-01-0003",
        "2026-01-31T11:00:00+08:00",
        RoutingOutcome.TRIAGE,
        "garbage",
        null,
        "district",
        List.of("urban-management"));

    var counts = countsOn(JAN_31);

    assertThat(counts)
        .containsEntry("TOTAL|all", 3L)
        .containsEntry("CHANNEL|hotline-phone", 2L)
        .containsEntry("CHANNEL|mayor-mailbox", 1L)
        .containsEntry("OUTCOME|TRANSFER", 1L)
        .containsEntry("OUTCOME|DIRECT", 1L)
        .containsEntry("OUTCOME|TRIAGE", 1L)
        .containsEntry("TOPIC|wage-arrears", 1L)
        .containsEntry("DISTRICT|630105", 1L)
        .containsEntry("UNIT|hrss", 1L)
        .containsEntry("UNIT|gov-630105", 1L)
        .containsEntry("UNIT|hotline", 1L)
        .doesNotContainKeys("TOPIC|garbage", "UNIT|district", "UNIT|urban-management");
  }

  @Test
  void aTicketWithoutItsTimeReceivedIsDeadLetteredAndTheNextOneStillCounts() {
    var deadLetters =
        driver.createOutputTopic(
            Topics.deadLetterOf(Topics.TICKETS_RECEIVED),
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.StringDeserializer());
    received.pipeInput(
        "260131-01-0666",
        new TicketReceived(
            UUID.randomUUID(), "260131-01-0666", null, "letter", null, "内容", null, null, null));
    receive("260131-01-0667", "2026-01-31T09:00:00+08:00", "letter");

    assertThat(deadLetters.readKeyValuesToList())
        .singleElement()
        .satisfies(kv -> assertThat(kv.key).isEqualTo("260131-01-0666"));
    assertThat(countsOn(JAN_31)).containsEntry("TOTAL|all", 1L);
  }

  @Test
  void aTicketCountsOnItsShanghaiDayNotItsUtcDay() {
    // 23:30 UTC on 30 January is 07:30 on 31 January in Xining.
    receive("260131-01-0001", "2026-01-30T23:30:00Z", "letter");

    assertThat(countsOn(JAN_31)).containsEntry("TOTAL|all", 1L);
    assertThat(countsOn(JAN_31.minusDays(1))).isEmpty();
  }

  @Test
  void aTicketPublishedTwiceIsCountedOnce() {
    receive("260131-01-0001", "2026-01-31T09:00:00+08:00", "hotline-phone");
    receive("260131-01-0001", "2026-01-31T09:00:00+08:00", "hotline-phone");
    route(
        "260131-01-0001",
        "2026-01-31T09:00:00+08:00",
        RoutingOutcome.DIRECT,
        "policy-consultation",
        null,
        "hotline",
        List.of());
    route(
        "260131-01-0001",
        "2026-01-31T09:00:00+08:00",
        RoutingOutcome.DIRECT,
        "policy-consultation",
        null,
        "hotline",
        List.of());

    assertThat(countsOn(JAN_31)).containsEntry("TOTAL|all", 1L).containsEntry("OUTCOME|DIRECT", 1L);
  }

  @Test
  void aTriagedTicketDispatchedByHandMovesFromTriageToTransferredOnItsDay() {
    receive("260131-01-0007", "2026-01-31T09:00:00+08:00", "hotline-phone");
    route(
        "260131-01-0007",
        "2026-01-31T09:00:00+08:00",
        RoutingOutcome.TRIAGE,
        "garbage",
        null,
        "district",
        List.of("urban-management"));
    route(
        "260131-01-0007",
        "2026-01-31T09:00:00+08:00",
        RoutingOutcome.TRANSFER,
        "garbage",
        "630121",
        "gov-630121",
        List.of("urban-management"));

    assertThat(countsOn(JAN_31))
        .containsEntry("OUTCOME|TRANSFER", 1L)
        .containsEntry("UNIT|gov-630121", 1L)
        .containsEntry("UNIT|urban-management", 1L)
        .doesNotContainKey("OUTCOME|TRIAGE");
  }

  @Test
  void aDecisionThatArrivesBeforeItsTicketStillCountsOnTheDayTheTicketWasReceived() {
    route(
        "260131-01-0009",
        "2026-01-31T23:59:00+08:00",
        RoutingOutcome.TRANSFER,
        "heating",
        "630104",
        "heating",
        List.of("gov-630104"));
    receive("260131-01-0009", "2026-01-31T23:59:00+08:00", "hotline-phone");

    assertThat(countsOn(JAN_31)).containsEntry("TOTAL|all", 1L).containsEntry("TOPIC|heating", 1L);
  }

  private void receive(String number, String receivedAt, String channel) {
    received.pipeInput(
        number,
        new TicketReceived(
            UUID.randomUUID(),
            number,
            OffsetDateTime.parse(receivedAt),
            channel,
            AppealType.COMPLAINT,
            "内容",
            null,
            null,
            null));
  }

  private void route(
      String number,
      String receivedAt,
      RoutingOutcome outcome,
      String topic,
      String district,
      String primary,
      List<String> assisting) {
    var at = OffsetDateTime.parse(receivedAt);
    routed.pipeInput(
        number,
        new TicketRouted(
            UUID.randomUUID(),
            number,
            at,
            at.plusSeconds(1),
            "hotline-phone",
            outcome,
            topic,
            district,
            primary,
            assisting,
            "rule",
            "v1",
            "reason",
            null,
            null));
  }

  /** The day's answer as {@code DIMENSION|value -> count}, zeros left out. */
  private Map<String, Long> countsOn(LocalDate day) {
    var daily = reports.dailyCounts(day);
    var counts = new TreeMap<String, Long>();
    if (daily.total() > 0) {
      counts.put("TOTAL|all", daily.total());
    }
    daily.byChannel().forEach((key, count) -> counts.put("CHANNEL|" + key, count));
    daily.byOutcome().forEach((key, count) -> counts.put("OUTCOME|" + key, count));
    daily.byTopic().forEach((key, count) -> counts.put("TOPIC|" + key, count));
    daily.byDistrict().forEach((key, count) -> counts.put("DISTRICT|" + key, count));
    daily.byUnit().forEach((key, count) -> counts.put("UNIT|" + key, count));
    return counts;
  }
}
