package cn.gov.xining.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.history.TicketHistory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox's leases on intake's real database (H2 file format, in memory here). */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=127.0.0.1:1",
      "spring.kafka.admin.auto-create=false",
      "spring.kafka.listener.auto-startup=false",
      "hotline.intake.outbox.relay-interval=1h",
      "spring.datasource.url=jdbc:h2:mem:intake-outbox-leases;DB_CLOSE_DELAY=-1"
    })
class TicketOutboxTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-31T09:00:00+08:00");

  @Autowired TicketOutbox outbox;
  @Autowired TicketHistory history;
  @Autowired TransactionTemplate transaction;

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyOutbox() {
    jdbc.sql("UPDATE ticket SET relay_after = NULL").update();
  }

  @Test
  void concurrentRelaysNeverClaimTheSameTicket() throws Exception {
    for (int i = 1; i <= 200; i++) {
      store("260131-09-%04d".formatted(i), NOW.minusSeconds(1));
    }
    var pool = Executors.newFixedThreadPool(4);
    try {
      var claims = new ArrayList<Callable<List<StoredTicket>>>();
      for (int i = 0; i < 8; i++) {
        claims.add(() -> claimDue(NOW, NOW.plusSeconds(30), 40));
      }
      var claimed = new ArrayList<String>();
      for (var result : pool.invokeAll(claims)) {
        result.get().forEach(ticket -> claimed.add(ticket.ticketNumber()));
      }
      // A claim that lost a race for some rows gets fewer; whatever is left is still due.
      claimDue(NOW, NOW.plusSeconds(30), 500).forEach(t -> claimed.add(t.ticketNumber()));
      assertThat(new HashSet<>(claimed)).hasSameSizeAs(claimed);
      assertThat(claimed).hasSize(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(claimDue(NOW.plusSeconds(29), NOW.plusSeconds(60), 500))
        .as("leased tickets are not claimed again before the lease runs out")
        .isEmpty();
    assertThat(claimDue(NOW.plusSeconds(31), NOW.plusSeconds(60), 500)).hasSize(200);
  }

  @Test
  void aTicketLeasedToTheOperatorsRequestIsLeftAloneUntilReleased() {
    store("260131-09-9001", NOW.plusSeconds(10));
    assertThat(claimDue(NOW, NOW.plusSeconds(30), 10)).isEmpty();

    outbox.release("260131-09-9001", NOW);

    assertThat(claimDue(NOW, NOW.plusSeconds(30), 10))
        .extracting(StoredTicket::ticketNumber)
        .containsExactly("260131-09-9001");
  }

  @Test
  void aPublishedTicketLeavesTheOutboxAndIsRecordedOnce() {
    store("260131-09-9101", NOW.minusSeconds(1));
    long before = outbox.backlog();

    outbox.published("260131-09-9101", NOW, "sent by the outbox relay");
    outbox.published("260131-09-9101", NOW, "acknowledged after the operator's wait");

    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.backlog() == before - 1);
    var record = history.find("260131-09-9101").orElseThrow();
    assertThat(record.history())
        .extracting(change -> change.status().name() + " " + change.detail())
        .containsExactly("RECEIVED null", "PUBLISHED sent by the outbox relay");
    assertThat(record.status().name()).isEqualTo("PUBLISHED");
  }

  private void store(String number, OffsetDateTime leasedUntil) {
    var ticket =
        new TicketReceived(
            java.util.UUID.randomUUID(),
            number,
            NOW,
            "hotline-phone",
            null,
            "来电反映路灯不亮。",
            null,
            null,
            null);
    transaction.executeWithoutResult(
        status ->
            outbox.store(ticket, EventJson.MAPPER.writeValueAsString(ticket), NOW, leasedUntil));
  }

  /** One relay round's claim, as {@link TicketPublisher} makes it (less the breaker). */
  private List<StoredTicket> claimDue(OffsetDateTime now, OffsetDateTime leasedUntil, int max) {
    return outbox.claim(outbox.dueNumbers(now, max), now, leasedUntil);
  }
}
