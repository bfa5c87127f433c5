package cn.gov.xining.hotline.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.Satisfaction;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.SignedInAs;
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
@SignedInAs("MANAGER")
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

  @Test
  void aTicketResolvedAndCalledBackDaysLaterCountsAsCompletedAndSatisfiedOnTheDayItWasReceived()
      throws Exception {
    received("260203-01-0001", "2026-02-03T08:30:00+08:00", "hotline-phone");
    routed("260203-01-0001", "2026-02-03T08:30:00+08:00", "wage-arrears", "hrss", "gov-630105");
    lifecycle(
        "260203-01-0001",
        CaseEventKind.OPENED,
        CaseStatus.ASSIGNED,
        "2026-02-03T08:31:00+08:00",
        null);
    lifecycle(
        "260203-01-0001",
        CaseEventKind.ACCEPTED,
        CaseStatus.ACCEPTED,
        "2026-02-03T09:00:00+08:00",
        null);
    lifecycle(
        "260203-01-0001",
        CaseEventKind.RESOLVED,
        CaseStatus.RESOLVED,
        "2026-02-05T16:00:00+08:00",
        null);
    lifecycle(
        "260203-01-0001",
        CaseEventKind.REVIEW_APPROVED,
        CaseStatus.APPROVED,
        "2026-02-05T17:00:00+08:00",
        null);
    lifecycle(
        "260203-01-0001",
        CaseEventKind.CALLBACK_RECORDED,
        CaseStatus.APPROVED,
        "2026-02-06T10:00:00+08:00",
        Satisfaction.BASICALLY_SATISFIED);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/reports/periods")
                            .param("from", "2026-02-03")
                            .param("to", "2026-02-03"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.received").value(1))
                    .andExpect(jsonPath("$.completed").value(1))
                    .andExpect(jsonPath("$.completionRate").value(100.0))
                    .andExpect(jsonPath("$.onTimeRate").value(100.0))
                    .andExpect(jsonPath("$.callbacksReached").value(1))
                    .andExpect(jsonPath("$.satisfactionRate").value(100.0)));
    mvc.perform(get("/api/reports/days/2026-02-06"))
        .andExpect(jsonPath("$.callbacksMade").value(1))
        .andExpect(jsonPath("$.received").value(0));
    mvc.perform(get("/api/reports/days/2026-02-03/bulletin"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.startsWith("2月3日，12345政务服务便民热线共受理群众来电1个")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("一是工资纠纷1件，主要反映")));
    var csv =
        mvc.perform(get("/api/reports/days/2026-02-03/csv"))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString("daily-2026-02-03.csv")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(java.util.Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    mvc.perform(get("/api/reports/breakdown").param("from", "2026-02-03").param("to", "2026-02-03"))
        .andExpect(jsonPath("$.units[0].unit").value("hrss"))
        .andExpect(jsonPath("$.units[0].resolved").value(1))
        .andExpect(jsonPath("$.units[0].resolutionRate").doesNotExist());
    mvc.perform(get("/api/reports/days/not-a-date")).andExpect(status().isBadRequest());
  }

  private void lifecycle(
      String number, CaseEventKind kind, CaseStatus status, String at, Satisfaction satisfaction) {
    var time = OffsetDateTime.parse(at);
    var event =
        new CaseEvent(
            UUID.randomUUID(),
            number,
            kind,
            UUID.randomUUID(),
            status,
            time,
            "hrss",
            "经办人",
            "hrss",
            OffsetDateTime.parse("2026-02-10T00:00:00+08:00"),
            null,
            satisfaction == null ? null : true,
            satisfaction == null ? null : true,
            satisfaction,
            List.of(),
            0,
            0);
    probe.sendRaw(Topics.TICKET_LIFECYCLE, number, EventJson.MAPPER.writeValueAsString(event));
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
