package cn.gov.xining.hotline.intake.outbox;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.history.TicketHistory;
import cn.gov.xining.hotline.intake.history.TicketStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets stored but not yet acknowledged by Kafka. Each row carries a lease ({@code relay_after}):
 * while a send may still succeed nobody else sends the ticket, and once the lease has run out the
 * relay of any intake instance sharing the database may claim it.
 */
@Component
public class TicketOutbox {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final TicketHistory history;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong claims = new AtomicLong();

  TicketOutbox(JdbcClient jdbc, TransactionTemplate transaction, TicketHistory history) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.history = history;
  }

  /** Puts a newly stored ticket in the outbox, leased to the request that is about to send it. */
  public void enqueue(String ticketNumber, OffsetDateTime leasedUntil) {
    jdbc.sql(
            "INSERT INTO ticket_outbox (ticket_number, relay_after, attempts)"
                + " VALUES (:number, :leasedUntil, 0)")
        .param("number", ticketNumber)
        .param("leasedUntil", leasedUntil)
        .update();
  }

  /**
   * Claims up to {@code max} tickets whose lease has run out, oldest first. The re-check of the
   * lease in the outer {@code WHERE} is what keeps two relays from claiming the same row: the
   * second one re-reads the row after the first one's update and no longer finds it due.
   */
  List<TicketReceived> claimDue(OffsetDateTime now, OffsetDateTime leasedUntil, int max) {
    String claim = instance + "/" + claims.incrementAndGet();
    jdbc.sql(
            "UPDATE ticket_outbox SET relay_after = :leasedUntil, claimed_by = :claim,"
                + " attempts = attempts + 1 WHERE relay_after <= :now AND ticket_number IN"
                + " (SELECT ticket_number FROM ticket_outbox WHERE relay_after <= :now"
                + " ORDER BY relay_after, ticket_number LIMIT :max)")
        .param("leasedUntil", leasedUntil)
        .param("claim", claim)
        .param("now", now)
        .param("max", max)
        .update();
    return jdbc
        .sql(
            "SELECT t.event_json FROM ticket_outbox o JOIN ticket t"
                + " ON t.ticket_number = o.ticket_number WHERE o.claimed_by = :claim")
        .param("claim", claim)
        .query(String.class)
        .list()
        .stream()
        .map(json -> EventJson.MAPPER.readValue(json, TicketReceived.class))
        .toList();
  }

  /** The send failed for certain: the relay may take the ticket on its next round. */
  void release(String ticketNumber, OffsetDateTime now) {
    jdbc.sql("UPDATE ticket_outbox SET relay_after = :now WHERE ticket_number = :number")
        .param("now", now)
        .param("number", ticketNumber)
        .update();
  }

  /** Kafka acknowledged the ticket: it leaves the outbox and its history says so, once. */
  void published(String ticketNumber, OffsetDateTime at, String how) {
    transaction.executeWithoutResult(
        status -> {
          int removed =
              jdbc.sql("DELETE FROM ticket_outbox WHERE ticket_number = :number")
                  .param("number", ticketNumber)
                  .update();
          if (removed == 1) {
            history.changed(ticketNumber, TicketStatus.PUBLISHED, at, how, null, null, null);
          }
        });
  }

  /** Tickets stored and not yet acknowledged by Kafka. */
  public long backlog() {
    return jdbc.sql("SELECT COUNT(*) FROM ticket_outbox").query(Long.class).single();
  }
}
