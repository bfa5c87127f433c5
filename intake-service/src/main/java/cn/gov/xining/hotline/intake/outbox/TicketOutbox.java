package cn.gov.xining.hotline.intake.outbox;

import cn.gov.xining.hotline.contract.TicketReceived;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets stored but not yet acknowledged by Kafka, and the only code that writes the outbox's
 * columns of a ticket's row: {@code relay_after}, {@code relay_claim}, {@code relay_attempts},
 * {@code published_at} and {@code published_by}. A ticket is in the outbox while {@code
 * relay_after} is set. That column is a lease: while a send may still succeed nobody else sends the
 * ticket, and once the lease has run out the relay of any intake instance sharing the database may
 * claim it.
 *
 * <p>It also writes the ticket's first two statuses, {@code RECEIVED} and {@code PUBLISHED}, by
 * their names in history's {@code TicketStatus}: history uses the outbox, so the outbox cannot use
 * the enum.
 */
@Component
public class TicketOutbox {

  /**
   * A lower bound on every lease. Published tickets have none (NULL), and NULLs come first in the
   * index: without the bound H2 stepped over all of them on every relay round.
   */
  private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");

  /** PostgreSQL's SQLSTATE lock_not_available. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final TransactionTemplate transaction;
  private final Duration lease;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong claims = new AtomicLong();
  private final Queue<Acknowledgement> acknowledged = new ConcurrentLinkedQueue<>();

  TicketOutbox(
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      TransactionTemplate transaction,
      KafkaProperties kafkaProperties) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.transaction = transaction;
    this.lease = leaseFor(kafkaProperties);
  }

  /**
   * How long a ticket handed to the producer is kept from the relay: a send the producer has not
   * given up on may still succeed, so nobody else may send the ticket until the producer's delivery
   * timeout has surely passed.
   */
  static Duration leaseFor(KafkaProperties kafkaProperties) {
    long deliveryTimeout =
        Long.parseLong(
            String.valueOf(
                kafkaProperties
                    .buildProducerProperties()
                    .getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000")));
    return Duration.ofMillis(deliveryTimeout).plusSeconds(2);
  }

  Duration lease() {
    return lease;
  }

  /** Until when a ticket about to be sent is kept from the relay. */
  OffsetDateTime leaseFrom(OffsetDateTime now) {
    return now.plus(lease);
  }

  /**
   * Stores a new ticket as {@code RECEIVED}, in the outbox until Kafka acknowledges it and leased
   * to the request that is about to send it; runs inside the caller's transaction.
   *
   * @param eventJson the event exactly as it will be sent
   */
  public void store(TicketReceived ticket, String eventJson, OffsetDateTime at) {
    store(ticket, eventJson, at, leaseFrom(at));
  }

  void store(
      TicketReceived ticket, String eventJson, OffsetDateTime at, OffsetDateTime leasedUntil) {
    jdbc.sql(
            "INSERT INTO ticket (ticket_number, received_at, stored_at, channel, topic_code,"
                + " status, updated_at, relay_after, relay_attempts)"
                + " VALUES (:number, :receivedAt, :at, :channel, :topic, 'RECEIVED', :at,"
                + " :leasedUntil, 0)")
        .param("number", ticket.ticketNumber())
        .param("receivedAt", ticket.receivedAt())
        .param("at", at)
        .param("channel", ticket.channel())
        .param("topic", ticket.topicCode())
        .param("leasedUntil", leasedUntil)
        .update();
    jdbc.sql("INSERT INTO ticket_event (ticket_number, event_json) VALUES (:number, :json)")
        .param("number", ticket.ticketNumber())
        .param("json", eventJson)
        .update();
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
    var inLockOrder = TicketLocks.inLockOrder(due, number -> number);
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

  /** One acknowledgement by Kafka: when, and whether while taking it or by the relay. */
  private record Acknowledgement(String ticketNumber, OffsetDateTime at, String how) {}

  /** Kafka acknowledged the ticket: it leaves the outbox with the next batch. */
  void published(String ticketNumber, OffsetDateTime at, String how) {
    acknowledged.add(new Acknowledgement(ticketNumber, at, how));
  }

  /**
   * Writes the acknowledgements so far in one batch: they are half of intake's writes. Not made
   * durable: lost in a crash, a ticket is only sent again after its lease, and routing recognises
   * the number.
   *
   * <p>In lock order ({@link TicketLocks}). A batch that meets a lock anyway is put back for the
   * next round rather than dropped, which would have left its tickets to be sent again by the relay
   * once their leases ran out.
   */
  @Scheduled(
      fixedDelayString = "${hotline.intake.outbox.acknowledgement-interval:50ms}",
      initialDelayString = "${hotline.intake.outbox.acknowledgement-interval:50ms}")
  void flushAcknowledged() {
    var batch = new ArrayList<Acknowledgement>();
    for (var ack = acknowledged.poll(); ack != null; ack = acknowledged.poll()) {
      batch.add(ack);
    }
    if (batch.isEmpty()) {
      return;
    }
    var inLockOrder = TicketLocks.inLockOrder(batch, Acknowledgement::ticketNumber);
    try {
      transaction.executeWithoutResult(status -> writePublished(inLockOrder));
    } catch (TransientDataAccessException notWrittenYet) {
      // A lock timeout or a deadlock: the next round may succeed. Anything else would fail again,
      // every round; then the batch is dropped and the relay sends its tickets again.
      acknowledged.addAll(batch);
      throw notWrittenYet;
    }
  }

  /**
   * The tickets leave the outbox. Only the first acknowledgement counts (the relay may have sent
   * one again after a lost acknowledgement); a ticket routed meanwhile keeps its later status. One
   * JDBC batch for all.
   */
  private void writePublished(List<Acknowledgement> acknowledgements) {
    try {
      jdbcTemplate.batchUpdate(
          "UPDATE ticket SET published_at = ?, published_by = ?, relay_after = NULL,"
              + " relay_claim = NULL, updated_at = ?,"
              + " status = CASE WHEN status = 'RECEIVED' THEN 'PUBLISHED' ELSE status END"
              + " WHERE ticket_number = ? AND published_at IS NULL",
          acknowledgements,
          acknowledgements.size(),
          (statement, ack) -> {
            statement.setObject(1, ack.at());
            statement.setString(2, ack.how());
            statement.setObject(3, ack.at());
            statement.setString(4, ack.ticketNumber());
          });
    } catch (UncategorizedSQLException e) {
      // PostgreSQL's lock timeout (where lock_timeout is set), which Spring's default translation
      // leaves uncategorized; H2's arrives transient already. Transient, the batch is tried again.
      if (e.getSQLException() != null
          && LOCK_NOT_AVAILABLE.equals(e.getSQLException().getSQLState())) {
        throw new CannotAcquireLockException(e.getMessage(), e.getSQLException());
      }
      throw e;
    }
  }

  /**
   * A ticket's way to Kafka as the outbox recorded it, times as the database gives them back.
   *
   * @param publishedAt when Kafka acknowledged it; null while it is queued
   * @param publishedBy how: while the operator waited, after the wait, or by the relay
   */
  public record Delivery(OffsetDateTime storedAt, OffsetDateTime publishedAt, String publishedBy) {}

  /** Empty for a ticket this database never stored. */
  public Optional<Delivery> delivery(String ticketNumber) {
    return jdbc.sql(
            "SELECT stored_at, published_at, published_by FROM ticket"
                + " WHERE ticket_number = :number")
        .param("number", ticketNumber)
        .query(
            (row, i) ->
                new Delivery(
                    row.getObject("stored_at", OffsetDateTime.class),
                    row.getObject("published_at", OffsetDateTime.class),
                    row.getString("published_by")))
        .optional();
  }

  /** Tickets stored and not yet acknowledged by Kafka. */
  public long backlog() {
    return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE relay_after >= :epoch")
        .param("epoch", EPOCH)
        .query(Long.class)
        .single();
  }
}
