package cn.gov.xining.hotline.intake.numbering;

import cn.gov.xining.hotline.intake.outbox.Durability;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket numbers of the form {@code yyMMdd-NN-SSSS}: the Asia/Shanghai day, the intake
 * node and a per-day sequence of at least four digits, e.g. {@code 260131-01-0042}. An operator
 * reads it as three short groups.
 */
@Component
public class TicketNumbers {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final TicketNumberProperties properties;
  private final Durability durability;
  private final PublishedNumbers published;

  /** The day whose published numbers were last checked: once per day and process. */
  private LocalDate checkedDay;

  private LocalDate blockDay;
  private long next;
  private long blockEnd;

  TicketNumbers(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      TicketNumberProperties properties,
      Durability durability,
      PublishedNumbers published) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.properties = properties;
    this.durability = durability;
    this.published = published;
  }

  /**
   * Checks the day's numbers on Kafka before the first is handed out (and at start, so the first
   * caller does not wait for it): the counter then starts above every number published, even if
   * intake's database was reset.
   */
  public synchronized void checkPublished(LocalDate day) {
    if (day.equals(checkedDay)) {
      return;
    }
    var highest = published.highest(day, properties.node());
    if (highest.isPresent()) {
      Boolean raised = null;
      while (raised == null) {
        raised = transaction.execute(status -> raiseCounter(day, highest.getAsLong() + 1));
      }
      durability.awaitDurable();
      if (day.equals(blockDay) && next <= highest.getAsLong()) {
        blockDay = null; // the block in hand overlaps published numbers: take a fresh one
      }
    }
    checkedDay = day;
  }

  /**
   * The next number of the given Asia/Shanghai day. The caller passes the day of the ticket's
   * {@code receivedAt}, so the number and the report day can never disagree around midnight.
   */
  public synchronized String next(LocalDate today) {
    checkPublished(today);
    if (!today.equals(blockDay) || next >= blockEnd) {
      reserveBlock(today);
    }
    return "%s-%02d-%04d".formatted(DAY.format(today), properties.node(), next++);
  }

  private void reserveBlock(LocalDate day) {
    Long end = null;
    while (end == null) {
      end = transaction.execute(status -> advanceCounter(day));
    }
    // Lost in a crash, the reservation would hand out the same numbers again.
    durability.awaitDurable();
    blockDay = day;
    blockEnd = end;
    next = end - properties.blockSize();
  }

  /**
   * Makes the day's counter at least {@code floor}, never lowering it; null when another instance
   * created the day's row first and the transaction must be redone.
   */
  private Boolean raiseCounter(LocalDate day, long floor) {
    int updated =
        jdbc.sql(
                "UPDATE ticket_number_counter SET next_free = GREATEST(next_free, :floor)"
                    + " WHERE ticket_day = :day AND node = :node")
            .param("floor", floor)
            .param("day", day)
            .param("node", properties.node())
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "INSERT INTO ticket_number_counter (ticket_day, node, next_free)"
                    + " VALUES (:day, :node, :floor)")
            .param("day", day)
            .param("node", properties.node())
            .param("floor", floor)
            .update();
      } catch (DuplicateKeyException anotherInstanceWasFaster) {
        return null;
      }
    }
    return Boolean.TRUE;
  }

  /**
   * Returns the exclusive end of the reserved block (the counter row holds the next free number),
   * or null when another instance created the day's row first and the transaction must be redone.
   */
  private Long advanceCounter(LocalDate day) {
    int updated =
        jdbc.sql(
                "UPDATE ticket_number_counter SET next_free = next_free + :block"
                    + " WHERE ticket_day = :day AND node = :node")
            .param("block", properties.blockSize())
            .param("day", day)
            .param("node", properties.node())
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "INSERT INTO ticket_number_counter (ticket_day, node, next_free) VALUES (:day, :node, :next)")
            .param("day", day)
            .param("node", properties.node())
            .param("next", 1L + properties.blockSize())
            .update();
        return 1L + properties.blockSize();
      } catch (DuplicateKeyException anotherInstanceWasFaster) {
        return null;
      }
    }
    return jdbc.sql(
            "SELECT next_free FROM ticket_number_counter WHERE ticket_day = :day AND node = :node")
        .param("day", day)
        .param("node", properties.node())
        .query(Long.class)
        .single();
  }
}
