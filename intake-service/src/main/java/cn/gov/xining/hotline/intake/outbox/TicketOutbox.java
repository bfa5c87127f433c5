package cn.gov.xining.hotline.intake.outbox;

import cn.gov.xining.hotline.intake.history.TicketHistory;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets stored but not yet acknowledged by Kafka: the ticket rows whose {@code relay_after} is
 * set. That column is a lease: while a send may still succeed nobody else sends the ticket, and
 * once the lease has run out the relay of any intake instance sharing the database may claim it.
 */
@Component
public class TicketOutbox {

  /**
   * A lower bound on every lease. Published tickets have none (NULL), and NULLs come first in the
   * index: without the bound H2 stepped over all of them on every relay round.
   */
  private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final TicketHistory history;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong claims = new AtomicLong();
  private final Queue<TicketHistory.Acknowledgement> acknowledged = new ConcurrentLinkedQueue<>();

  TicketOutbox(JdbcClient jdbc, TransactionTemplate transaction, TicketHistory history) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.history = history;
  }

  /**
   * The numbers of up to {@code max} tickets whose lease has run out, oldest first, found through
   * the index on the lease (a single UPDATE with an IN-subquery made H2 read every ticket on every
   * round). Reading them claims nothing.
   */
  List<String> dueNumbers(OffsetDateTime now, int max) {
    return jdbc.sql(
            "SELECT ticket_number FROM ticket WHERE relay_after >= :epoch"
                + " AND relay_after <= :now ORDER BY relay_after LIMIT :max")
        .param("epoch", EPOCH)
        .param("now", now)
        .param("max", max)
        .query(String.class)
        .list();
  }

  /**
   * Leases those of {@code due} that are still due to this relay until {@code leasedUntil}. The
   * re-check of the lease in the UPDATE is what keeps two relays from claiming the same row: the
   * second one re-reads the row after the first one's update and no longer finds it due.
   */
  List<StoredTicket> claim(List<String> due, OffsetDateTime now, OffsetDateTime leasedUntil) {
    if (due.isEmpty()) {
      return List.of();
    }
    // H2 takes an IN list on the key in key order; sorted, it is the same order everywhere.
    var inLockOrder = TicketHistory.inLockOrder(due, number -> number);
    String claim = instance + "/" + claims.incrementAndGet();
    jdbc.sql(
            "UPDATE ticket SET relay_after = :leasedUntil, relay_claim = :claim,"
                + " relay_attempts = relay_attempts + 1"
                + " WHERE ticket_number IN (:due) AND relay_after <= :now")
        .param("leasedUntil", leasedUntil)
        .param("claim", claim)
        .param("due", inLockOrder)
        .param("now", now)
        .update();
    return jdbc.sql(
            "SELECT t.ticket_number, e.event_json FROM ticket t JOIN ticket_event e"
                + " ON e.ticket_number = t.ticket_number"
                + " WHERE t.ticket_number IN (:due) AND t.relay_claim = :claim")
        .param("due", inLockOrder)
        .param("claim", claim)
        .query(
            (row, i) ->
                new StoredTicket(row.getString("ticket_number"), row.getString("event_json")))
        .list();
  }

  /** The send failed for certain: the relay may take the ticket on its next round. */
  void release(String ticketNumber, OffsetDateTime now) {
    jdbc.sql(
            "UPDATE ticket SET relay_after = :now WHERE ticket_number = :number"
                + " AND relay_after IS NOT NULL")
        .param("now", now)
        .param("number", ticketNumber)
        .update();
  }

  /** Kafka acknowledged the ticket: it leaves the outbox with the next batch. */
  void published(String ticketNumber, OffsetDateTime at, String how) {
    acknowledged.add(new TicketHistory.Acknowledgement(ticketNumber, at, how));
  }

  /**
   * Writes the acknowledgements so far in one batch: they are half of intake's writes. Not made
   * durable: lost in a crash, a ticket is only sent again after its lease, and routing recognises
   * the number.
   *
   * <p>In lock order ({@link TicketHistory#inLockOrder}). A batch that meets a lock anyway is put
   * back for the next round rather than dropped, which would have left its tickets to be sent again
   * by the relay once their leases ran out.
   */
  @Scheduled(
      fixedDelayString = "${hotline.intake.outbox.acknowledgement-interval:50ms}",
      initialDelayString = "${hotline.intake.outbox.acknowledgement-interval:50ms}")
  void flushAcknowledged() {
    var batch = new ArrayList<TicketHistory.Acknowledgement>();
    for (var ack = acknowledged.poll(); ack != null; ack = acknowledged.poll()) {
      batch.add(ack);
    }
    if (batch.isEmpty()) {
      return;
    }
    var inLockOrder = TicketHistory.inLockOrder(batch, TicketHistory.Acknowledgement::ticketNumber);
    try {
      transaction.executeWithoutResult(status -> history.published(inLockOrder));
    } catch (TransientDataAccessException notWrittenYet) {
      // A lock timeout or a deadlock: the next round may succeed. Anything else would fail again,
      // every round; then the batch is dropped and the relay sends its tickets again.
      acknowledged.addAll(batch);
      throw notWrittenYet;
    }
  }

  /** Tickets stored and not yet acknowledged by Kafka. */
  public long backlog() {
    return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE relay_after >= :epoch")
        .param("epoch", EPOCH)
        .query(Long.class)
        .single();
  }
}
