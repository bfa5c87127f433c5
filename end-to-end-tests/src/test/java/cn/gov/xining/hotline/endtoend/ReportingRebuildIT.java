package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import cn.gov.xining.hotline.testsupport.RestartableBroker;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Rebuild: reporting-service's state directory is deleted while it is stopped; restarted, it
 * rebuilds every report from Kafka, and the figures are identical.
 */
class ReportingRebuildIT {

  /** As the run command's broker: SASL/SCRAM and the authorizer on. */
  private static final RestartableBroker BROKER = SecuredKafka.started();

  @AfterAll
  static void stopTheBroker() {
    BROKER.close();
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> REPORTS =
      List.of(
          "/api/reports/days/2026-03-02",
          "/api/reports/days/2026-03-03",
          "/api/reports/periods?from=2026-03-02&to=2026-03-08",
          "/api/reports/breakdown?from=2026-03-01&to=2026-03-31",
          "/api/reports/batches/第十一批",
          "/api/reports/days/2026-03-02/bulletin");

  @Test
  void afterItsStateIsDeletedReportingRebuildsIdenticalFigures() throws Exception {
    String bootstrap = BROKER.bootstrapServers();
    var data = Files.createTempDirectory("reporting-rebuild");
    publishAMonthOfTickets(SecuredKafka.adminProbe(BROKER));

    List<String> before;
    try (var reporting = ServiceProcess.start("reporting", bootstrap, data)) {
      reporting.awaitHealthy();
      await("every ticket counted")
          .atMost(Duration.ofSeconds(120))
          .ignoreExceptions()
          .until(() -> get(reporting, REPORTS.get(2)).contains("\"received\":60,"));
      before = read(reporting);
    }
    deleteRecursively(data.resolve("reporting"));

    try (var rebuilt = ServiceProcess.start("reporting", bootstrap, data)) {
      rebuilt.awaitHealthy();
      await("rebuilt")
          .atMost(Duration.ofSeconds(120))
          .ignoreExceptions()
          .untilAsserted(() -> assertThat(read(rebuilt)).isEqualTo(before));
    }
    assertThat(before.get(2)).contains("\"completed\":");
  }

  private static List<String> read(ServiceProcess reporting) throws Exception {
    var all = new java.util.ArrayList<String>();
    for (String report : REPORTS) {
      all.add(get(reporting, report));
    }
    return all;
  }

  private static void publishAMonthOfTickets(TopicProbe probe) {
    for (int i = 0; i < 60; i++) {
      String number = "2603%02d-03-%04d".formatted(2 + i % 7, i);
      var at = OffsetDateTime.parse("2026-03-%02dT10:00:00+08:00".formatted(2 + i % 7));
      var ticket =
          new TicketReceived(
              UUID.randomUUID(),
              number,
              at,
              i % 5 == 0 ? "letter" : "hotline-phone",
              AppealType.COMPLAINT,
              "来电人反映拖欠工资",
              "城北区柴达木路" + i % 3 + "号",
              "630105",
              null,
              null,
              null,
              null,
              null,
              false,
              null,
              i % 4 == 0 ? "第十一批" : null,
              List.of());
      probe.sendRaw(Topics.TICKETS_RECEIVED, number, EventJson.MAPPER.writeValueAsString(ticket));
      var decision =
          new TicketRouted(
              UUID.randomUUID(),
              number,
              at,
              at.plusSeconds(1),
              ticket.channel(),
              i % 3 == 0 ? RoutingOutcome.DIRECT : RoutingOutcome.TRANSFER,
              i % 3 == 0 ? "policy-consultation" : "wage-arrears",
              "630105",
              i % 3 == 0 ? "hotline" : "hrss",
              List.of(),
              "test",
              "test",
              "test",
              at.plusDays(5),
              Priority.NORMAL,
              List.of("拖欠工资"));
      probe.sendRaw(
          Topics.ROUTING_DECISIONS, number, EventJson.MAPPER.writeValueAsString(decision));
      if (i % 3 == 1) {
        event(probe, number, CaseEventKind.RESOLVED, CaseStatus.RESOLVED, at.plusDays(1), null);
        event(
            probe,
            number,
            CaseEventKind.CALLBACK_RECORDED,
            CaseStatus.APPROVED,
            at.plusDays(2),
            i % 2 == 0 ? Satisfaction.SATISFIED : Satisfaction.NOT_SATISFIED);
      }
    }
  }

  private static void event(
      TopicProbe probe,
      String number,
      CaseEventKind kind,
      CaseStatus status,
      OffsetDateTime at,
      Satisfaction satisfaction) {
    var event =
        new CaseEvent(
            UUID.randomUUID(),
            number,
            kind,
            UUID.randomUUID(),
            status,
            at,
            "hrss",
            "经办人",
            "hrss",
            at.plusDays(3),
            null,
            satisfaction == null ? null : true,
            satisfaction == null ? null : true,
            satisfaction,
            List.of(),
            0,
            0);
    probe.sendRaw(Topics.TICKET_LIFECYCLE, number, EventJson.MAPPER.writeValueAsString(event));
  }

  private static String get(ServiceProcess service, String path) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(service.url(path)))
                .header("Authorization", IdentityProvider.bearer("manager"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
