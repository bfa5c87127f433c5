package cn.gov.xining.hotline.reporting.audit;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.AuditEntry;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The auditor reads the audit trail every service writes; managers read reports and nothing else;
 * the dashboard's page is open, its figures are not.
 */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "hotline.data-dir=${java.io.tmpdir}/reporting-audit-test-${random.uuid}"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
class AuditTrailAccessTest {

  private static final TestIssuer ISSUER = TestIssuer.shared();

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void theAuditorReadsWhoDidWhatAndNobodyElseDoes() throws Exception {
    var now = HotlineTime.now(Clock.systemUTC());
    var probe = new TopicProbe(bootstrapServers);
    for (var entry :
        List.of(
            new AuditEntry(
                UUID.randomUUID(),
                now,
                "handling-service",
                "unit-hrss",
                List.of("UNIT"),
                "hrss",
                "GET /api/cases/{ticketNumber}",
                "261206-01-0007",
                403),
            new AuditEntry(
                UUID.randomUUID(),
                now,
                "intake-service",
                "operator",
                List.of("OPERATOR"),
                null,
                "GET /api/tickets/{ticketNumber}",
                "261206-01-0007",
                200),
            new AuditEntry(
                UUID.randomUUID(),
                now,
                "intake-service",
                "operator",
                List.of("OPERATOR"),
                null,
                "POST /api/callers/tickets",
                "/api/callers/tickets",
                200))) {
      probe.sendRaw(
          Topics.AUDIT_TRAIL, entry.principal(), EventJson.MAPPER.writeValueAsString(entry));
    }
    String auditor = "Bearer " + ISSUER.staff("AUDITOR");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/audit")
                            .param("ticket", "261206-01-0007")
                            .header("Authorization", auditor))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(2))
                    .andExpect(
                        jsonPath("$[*].principal")
                            .value(Matchers.containsInAnyOrder("unit-hrss", "operator"))));
    mvc.perform(get("/api/audit").param("principal", "operator").header("Authorization", auditor))
        .andExpect(jsonPath("$.length()").value(2));
    mvc.perform(
            get("/api/audit")
                .param("from", "2026-12-06")
                .param("to", "2026-01-01")
                .header("Authorization", auditor))
        .andExpect(status().isBadRequest());

    mvc.perform(get("/api/audit").header("Authorization", "Bearer " + ISSUER.staff("MANAGER")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
  }

  /** Every report, bulletin and export; a date past the seeds so the answers are small. */
  private static final List<String> REPORTS =
      List.of(
          "/api/reports/daily?date=2026-01-31",
          "/api/reports/days/2026-01-31",
          "/api/reports/days/2026-01-31/bulletin",
          "/api/reports/days/2026-01-31/csv",
          "/api/reports/days/2026-01-31/xlsx",
          "/api/reports/days/2026-01-31/print",
          "/api/reports/weeks/2026-01-31",
          "/api/reports/weeks/2026-01-31/bulletin",
          "/api/reports/weeks/2026-01-31/xlsx",
          "/api/reports/weeks/2026-01-31/print",
          "/api/reports/months/2026-01",
          "/api/reports/months/2026-01/xlsx",
          "/api/reports/years/2026",
          "/api/reports/years/2026/xlsx",
          "/api/reports/periods?from=2026-01-22&to=2026-01-28",
          "/api/reports/periods/xlsx?from=2026-01-22&to=2026-01-28",
          "/api/reports/breakdown?from=2026-01-22&to=2026-01-28",
          "/api/reports/breakdown/xlsx?from=2026-01-22&to=2026-01-28",
          "/api/reports/open?from=2026-01-22&to=2026-01-28",
          "/api/reports/batches/第十一批",
          "/api/reports/batches/第十一批/xlsx",
          "/api/reports/trend?days=7&until=2026-01-31",
          "/api/reports/names");

  @Test
  void everyReportAndExportAnswersAManagerAndRefusesEveryoneElse() throws Exception {
    String manager = "Bearer " + ISSUER.staff("MANAGER");
    var others =
        List.of(
            "Bearer " + ISSUER.staff("OPERATOR"),
            "Bearer " + ISSUER.staff("AUDITOR"),
            "Bearer " + ISSUER.unit("hrss"));
    for (String path : REPORTS) {
      mvc.perform(get(path)).andExpect(status().isUnauthorized());
      for (String other : others) {
        mvc.perform(get(path).header("Authorization", other)).andExpect(status().isForbidden());
      }
      // Served once the figures' stores are up (a 503 until then).
      await(path)
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  mvc.perform(get(path).header("Authorization", manager))
                      .andExpect(status().isOk()));
    }
    // The dashboard's chart library is part of the open page.
    mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js")).andExpect(status().isOk());
  }

  @Test
  void reportsAreForManagersAndTheDashboardPageAloneIsOpen() throws Exception {
    mvc.perform(get("/api/reports/days/today")).andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/reports/days/today")
                .header("Authorization", "Bearer " + ISSUER.staff("OPERATOR")))
        .andExpect(status().isForbidden());
    // Served once the figures' stores are up (a 503 until then).
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/reports/days/today")
                            .header("Authorization", "Bearer " + ISSUER.staff("MANAGER")))
                    .andExpect(status().isOk()));

    // A span no report needs, or a date the calendar cannot reach, is a 400, not a busy thread.
    String manager = "Bearer " + ISSUER.staff("MANAGER");
    mvc.perform(
            get("/api/reports/breakdown")
                .param("from", "2026-12-06")
                .param("to", "+999999999-12-31")
                .header("Authorization", manager))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/reports/weeks/+999999999-12-31").header("Authorization", manager))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/api/audit")
                .param("from", "-999999999-01-01")
                .header("Authorization", "Bearer " + ISSUER.staff("AUDITOR")))
        .andExpect(status().isBadRequest());

    mvc.perform(get("/dashboard.html")).andExpect(status().isOk());
    mvc.perform(get("/dashboard/sign-in.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.issuer").value(ISSUER.issuer()))
        .andExpect(jsonPath("$.clientId").value("dashboard"));
  }
}
