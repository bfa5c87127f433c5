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
