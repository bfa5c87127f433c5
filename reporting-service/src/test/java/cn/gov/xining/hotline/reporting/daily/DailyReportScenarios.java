package cn.gov.xining.hotline.reporting.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * reporting-service against a real broker: events in on the topics, figures out over REST. Each
 * test uses its own day so the tests do not see each other's tickets.
 */
@AutoConfigureMockMvc
abstract class DailyReportScenarios {

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  TopicProbe probe;

  @BeforeEach
  void probe() {
    probe = new TopicProbe(bootstrapServers);
  }

  @Test
  void theDailyReportCountsReceivedAndRoutedTicketsOfThatDay() {
    received("260201-01-0001", "2026-02-01T08:30:00+08:00", "hotline-phone");
    received("260201-01-0002", "2026-02-01T09:30:00+08:00", "wechat-snapshot");
    routed("260201-01-0001", "2026-02-01T08:30:00+08:00", "wage-arrears", "hrss", "gov-630105");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/reports/daily").param("date", "2026-02-01"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.date").value("2026-02-01"))
                    .andExpect(jsonPath("$.total").value(2))
                    .andExpect(jsonPath("$.byChannel.hotline-phone").value(1))
                    .andExpect(jsonPath("$.byChannel.wechat-snapshot").value(1))
                    .andExpect(jsonPath("$.byOutcome.TRANSFER").value(1))
                    .andExpect(jsonPath("$.byTopic.wage-arrears").value(1))
                    .andExpect(jsonPath("$.byUnit.hrss").value(1))
                    .andExpect(jsonPath("$.byUnit.gov-630105").value(1)));
  }

  @Test
  void poisonPillsOnEitherInputAreDeadLetteredAndLaterEventsStillCount() {
    probe.sendRaw(Topics.TICKETS_RECEIVED, "poison-received", "{not json");
    probe.sendRaw(Topics.ROUTING_DECISIONS, "poison-routed", "[1,2,");
    received("260202-01-0001", "2026-02-02T08:30:00+08:00", "letter");
    routed("260202-01-0001", "2026-02-02T08:30:00+08:00", "heating", "heating", "gov-630104");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(
                      probe.recordsFor(
                          Topics.deadLetterOf(Topics.TICKETS_RECEIVED), "poison-received"))
                  .singleElement()
                  .satisfies(r -> assertThat(r.value()).isEqualTo("{not json"));
              assertThat(
                      probe.recordsFor(
                          Topics.deadLetterOf(Topics.ROUTING_DECISIONS), "poison-routed"))
                  .singleElement()
                  .satisfies(r -> assertThat(r.value()).isEqualTo("[1,2,"));
              mvc.perform(get("/api/reports/daily").param("date", "2026-02-02"))
                  .andExpect(jsonPath("$.total").value(1))
                  .andExpect(jsonPath("$.byTopic.heating").value(1));
            });
  }

  private void received(String number, String at, String channel) {
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            number,
            OffsetDateTime.parse(at),
            channel,
            AppealType.COMPLAINT,
            "内容",
            null,
            null,
            null);
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, EventJson.MAPPER.writeValueAsString(ticket));
  }

  private void routed(String number, String at, String topic, String primary, String assisting) {
    var time = OffsetDateTime.parse(at);
    var decision =
        new TicketRouted(
            UUID.randomUUID(),
            number,
            time,
            time.plusSeconds(2),
            "hotline-phone",
            RoutingOutcome.TRANSFER,
            topic,
            "630105",
            primary,
            List.of(assisting),
            "operator-topic:" + topic,
            "operator-topic-1",
            "按目录转交",
            time.plusDays(3),
            Priority.NORMAL);
    probe.sendRaw(Topics.ROUTING_DECISIONS, number, EventJson.MAPPER.writeValueAsString(decision));
  }
}
