package cn.gov.xining.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.store.EmbeddedPostgresServer;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake on PostgreSQL, as docker-compose runs it: the same Flyway migrations, the ticket API, the
 * history and the Open311 listing, and the relays' claims under PostgreSQL's own locking. Always on
 * the embedded server, in the run on H2 too, so that these run wherever a single test class is run;
 * the build's second run puts every other test class on PostgreSQL as well.
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
class IntakeOnPostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgresServer.newDatabase();
    registry.add("spring.datasource.url", () -> url);
  }

  @Autowired MockMvc mvc;
  @Autowired TicketOutbox outbox;
  @Autowired TransactionTemplate transaction;

  @Test
  void aTicketIsNumberedStoredPublishedAndListedOnPostgresInAsiaShanghaiTime() throws Exception {
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

    // PostgreSQL keeps a TIMESTAMP WITH TIME ZONE as an instant and gives it back in UTC; intake
    // answers in the hotline's time (+08:00) on every database, as it does on H2.
    var inShanghaiTime = Matchers.everyItem(Matchers.endsWith("+08:00"));
    // Kafka's acknowledgement is recorded in the next batch of acknowledgements, after the answer.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/tickets/" + number))
                    .andExpect(
                        jsonPath("$.history[*].status")
                            .value(Matchers.contains("RECEIVED", "PUBLISHED")))
                    .andExpect(jsonPath("$.history[*].at").value(inShanghaiTime))
                    .andExpect(jsonPath("$.updatedAt").value(Matchers.endsWith("+08:00")))
                    .andExpect(jsonPath("$.ticket.callerPhoneMasked").value("138****5678")));
    mvc.perform(
            get("/open311/v2/requests.json")
                .param("status", "open")
                .param("service_code", "heating"))
        .andExpect(jsonPath("$[*].service_request_id").value(Matchers.hasItem(number)))
        .andExpect(jsonPath("$[*].updated_datetime").value(inShanghaiTime));
    mvc.perform(
            post("/api/callers/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"13812345678\"}"))
        .andExpect(jsonPath("$[*].ticketNumber").value(Matchers.hasItem(number)))
        .andExpect(jsonPath("$[*].receivedAt").value(inShanghaiTime));
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
              outbox.store(
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
