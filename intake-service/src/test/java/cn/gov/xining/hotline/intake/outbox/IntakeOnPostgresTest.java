package cn.gov.xining.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.history.TicketHistory;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Intake on PostgreSQL, as docker-compose runs it: the same Flyway migrations, the ticket API, the
 * history and the Open311 listing. Runs with a Testcontainers PostgreSQL where Docker is available,
 * or against a server named by {@code HOTLINE_TEST_POSTGRES_URL} (e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/intake?user=intake}); skipped otherwise. Each run migrates a
 * schema of its own.
 */
@SignedInAs("OPERATOR")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      // The claims below are the relay's; the scheduled one would take the rows first.
      "hotline.intake.outbox.relay-interval=1h"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
@EnabledIf("postgresAvailable")
class IntakeOnPostgresTest {

  private static final String SCHEMA =
      "intake_test_" + UUID.randomUUID().toString().substring(0, 8);
  private static PostgreSQLContainer container;

  static boolean postgresAvailable() {
    return System.getenv("HOTLINE_TEST_POSTGRES_URL") != null
        || DockerClientFactory.instance().isDockerAvailable();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = System.getenv("HOTLINE_TEST_POSTGRES_URL");
    if (url == null) {
      container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      url = container.getJdbcUrl();
      registry.add("spring.datasource.username", container::getUsername);
      registry.add("spring.datasource.password", container::getPassword);
    }
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    registry.add("spring.datasource.url", () -> schemaUrl);
    registry.add("spring.flyway.schemas", () -> SCHEMA);
  }

  @AfterAll
  static void stopContainer() {
    if (container != null) {
      container.stop();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired TicketOutbox outbox;
  @Autowired TicketHistory history;
  @Autowired TransactionTemplate transaction;

  @Test
  void aTicketIsNumberedStoredPublishedAndListedOnPostgres() throws Exception {
    var created =
        mvc.perform(
                post("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"channel":"hotline-phone","topicCode":"heating","content":"暖气不热。",
                         "callerPhone":"13812345678","callerName":"张先生"}
                        """))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("PUBLISHED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String number = JsonPath.read(created, "$.ticketNumber");

    // Kafka's acknowledgement is recorded in the next batch of acknowledgements, after the answer.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/tickets/" + number))
                    .andExpect(
                        jsonPath("$.history[*].status")
                            .value(Matchers.contains("RECEIVED", "PUBLISHED")))
                    .andExpect(jsonPath("$.ticket.callerPhoneMasked").value("138****5678")));
    mvc.perform(
            get("/open311/v2/requests.json")
                .param("status", "open")
                .param("service_code", "heating"))
        .andExpect(jsonPath("$[*].service_request_id").value(Matchers.hasItem(number)));
    mvc.perform(
            post("/api/callers/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"13812345678\"}"))
        .andExpect(jsonPath("$[*].ticketNumber").value(Matchers.hasItem(number)));
  }

  @Test
  void concurrentRelaysNeverClaimTheSameTicketOnPostgres() throws Exception {
    var now = OffsetDateTime.parse("2026-01-31T09:00:00+08:00");
    for (int i = 1; i <= 100; i++) {
      var ticket =
          new TicketReceived(
              UUID.randomUUID(),
              "260131-08-%04d".formatted(i),
              now,
              "letter",
              null,
              "来信。",
              null,
              null,
              null);
      transaction.executeWithoutResult(
          status ->
              history.received(
                  ticket, EventJson.MAPPER.writeValueAsString(ticket), now, now.minusSeconds(1)));
    }
    var pool = Executors.newFixedThreadPool(4);
    try {
      var claims = new ArrayList<Callable<List<StoredTicket>>>();
      for (int i = 0; i < 6; i++) {
        claims.add(() -> claimDue(now, now.plusSeconds(30), 25));
      }
      var claimed = new ArrayList<String>();
      for (var result : pool.invokeAll(claims)) {
        result.get().forEach(t -> claimed.add(t.ticketNumber()));
      }
      claimDue(now, now.plusSeconds(30), 500).forEach(t -> claimed.add(t.ticketNumber()));
      assertThat(new HashSet<>(claimed)).hasSameSizeAs(claimed).hasSize(100);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One relay round's claim, as {@link TicketPublisher} makes it (less the breaker). */
  private List<StoredTicket> claimDue(OffsetDateTime now, OffsetDateTime leasedUntil, int max) {
    return outbox.claim(outbox.dueNumbers(now, max), now, leasedUntil);
  }
}
