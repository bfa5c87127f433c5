package cn.gov.xining.hotline.intake.history;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.masking.PersonalNumbers;
import cn.gov.xining.hotline.intake.outbox.TicketOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tickets as operators and Open311 read them, and the status changes that follow routing and
 * handling. A ticket's row is written first by the outbox, which stores it and marks it published.
 */
@Component
public class TicketHistory {

  /** What the Open311 {@code GET requests} may filter by; null fields do not filter. */
  /**
   * What to list; a null criterion is not applied. {@code channel}: only the tickets that came in
   * by it (a channel's gateway sees no other's), applied before the limit.
   */
  public record Search(
      OffsetDateTime from,
      OffsetDateTime until,
      String topicCode,
      String channel,
      Boolean closed,
      int limit) {}

  /** The {@code ticket_status_change.detail} column's length. */
  static final int MAX_DETAIL = 4000;

  private final JdbcClient jdbc;
  private final TicketOutbox outbox;

  TicketHistory(JdbcClient jdbc, TicketOutbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  /**
   * Records a status change. With a source event id, a second delivery of the same event changes
   * nothing; the current status only moves forward (see {@link TicketStatus}).
   *
   * @return whether anything was recorded
   */
  public boolean changed(
      String ticketNumber,
      TicketStatus status,
      OffsetDateTime at,
      String detail,
      String sourceEventId,
      String agencyResponsible,
      OffsetDateTime expectedAt) {
    if (!exists(ticketNumber)) {
      return false; // taken by an intake instance with a database of its own
    }
    // Looked up rather than caught: in PostgreSQL a failed insert would spoil the whole
    // transaction, which is shared with the other decisions of the poll.
    if (sourceEventId != null && seen(sourceEventId)) {
      return false;
    }
    insertChange(ticketNumber, status, at, detail, sourceEventId);
    var earlier =
        Arrays.stream(TicketStatus.values())
            .filter(s -> status.fromHandling() ? s != status : s.ordinal() < status.ordinal())
            .map(Enum::name)
            .toList();
    if (!earlier.isEmpty()) {
      jdbc.sql(
              "UPDATE ticket SET status = :status, updated_at = :at,"
                  + " agency_responsible = COALESCE(:agency, agency_responsible),"
                  + " expected_at = COALESCE(:expected, expected_at)"
                  + " WHERE ticket_number = :number AND status IN (:earlier)")
          .param("status", status.name())
          .param("at", at)
          .param("agency", agencyResponsible)
          .param("expected", expectedAt)
          .param("number", ticketNumber)
          .param("earlier", earlier)
          .update();
    }
    return true;
  }

  public Optional<TicketRecord> find(String ticketNumber) {
    return jdbc.sql(
            "SELECT t.*, e.event_json FROM ticket t JOIN ticket_event e"
                + " ON e.ticket_number = t.ticket_number WHERE t.ticket_number = :number")
        .param("number", ticketNumber)
        .query((row, i) -> record(row, List.of()))
        .optional()
        .map(found -> found.withHistory(history(ticketNumber)));
  }

  /** Tickets newest first, without their histories. */
  public List<TicketRecord> search(Search search) {
    var sql =
        new StringBuilder(
            "SELECT t.*, e.event_json FROM ticket t JOIN ticket_event e"
                + " ON e.ticket_number = t.ticket_number WHERE 1 = 1");
    var closedStatuses =
        Arrays.stream(TicketStatus.values()).filter(TicketStatus::closed).map(Enum::name).toList();
    if (search.from() != null) {
      sql.append(" AND t.received_at >= :from");
    }
    if (search.until() != null) {
      sql.append(" AND t.received_at <= :until");
    }
    if (search.topicCode() != null) {
      sql.append(" AND t.topic_code = :topic");
    }
    if (search.channel() != null) {
      sql.append(" AND t.channel = :channel");
    }
    if (search.closed() != null) {
      sql.append(search.closed() ? " AND t.status IN (:closed)" : " AND t.status NOT IN (:closed)");
    }
    sql.append(" ORDER BY t.received_at DESC, t.ticket_number DESC LIMIT :limit");
    var statement = jdbc.sql(sql.toString()).param("limit", search.limit());
    if (search.from() != null) {
      statement = statement.param("from", search.from());
    }
    if (search.until() != null) {
      statement = statement.param("until", search.until());
    }
    if (search.topicCode() != null) {
      statement = statement.param("topic", search.topicCode());
    }
    if (search.channel() != null) {
      statement = statement.param("channel", search.channel());
    }
    if (search.closed() != null) {
      statement = statement.param("closed", closedStatuses);
    }
    return statement.query((row, i) -> record(row, List.of())).list();
  }

  private boolean seen(String sourceEventId) {
    return jdbc.sql("SELECT COUNT(*) FROM ticket_status_change WHERE source_event_id = :id")
            .param("id", sourceEventId)
            .query(Integer.class)
            .single()
        > 0;
  }

  private boolean exists(String ticketNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE ticket_number = :number")
            .param("number", ticketNumber)
            .query(Integer.class)
            .single()
        > 0;
  }

  private List<TicketRecord.StatusChange> history(String ticketNumber) {
    var history = new ArrayList<TicketRecord.StatusChange>();
    outbox
        .delivery(ticketNumber)
        .ifPresent(
            delivery -> {
              history.add(change(TicketStatus.RECEIVED, hotlineTime(delivery.storedAt()), null));
              if (delivery.publishedAt() != null) {
                history.add(
                    change(
                        TicketStatus.PUBLISHED,
                        hotlineTime(delivery.publishedAt()),
                        delivery.publishedBy()));
              }
            });
    history.addAll(laterChanges(ticketNumber));
    return history;
  }

  private static TicketRecord.StatusChange change(
      TicketStatus status, OffsetDateTime at, String detail) {
    return new TicketRecord.StatusChange(status, status.chineseName(), at, detail);
  }

  private List<TicketRecord.StatusChange> laterChanges(String ticketNumber) {
    return jdbc.sql(
            "SELECT status, changed_at, detail FROM ticket_status_change"
                + " WHERE ticket_number = :number ORDER BY id")
        .param("number", ticketNumber)
        .query(
            (row, i) ->
                change(
                    TicketStatus.valueOf(row.getString("status")),
                    hotlineTime(row, "changed_at"),
                    row.getString("detail")))
        .list();
  }

  private void insertChange(
      String number, TicketStatus status, OffsetDateTime at, String detail, String sourceEventId) {
    jdbc.sql(
            "INSERT INTO ticket_status_change (ticket_number, status, changed_at, detail,"
                + " source_event_id) VALUES (:number, :status, :at, :detail, :source)")
        .param("number", number)
        .param("status", status.name())
        .param("at", at)
        .param("detail", storable(detail))
        .param("source", sourceEventId)
        .update();
  }

  /**
   * A detail as the operator may read it: personal numbers masked (a unit's resolution may quote
   * one), at most {@value #MAX_DETAIL} UTF-16 units, a longer one cut with an ellipsis rather than
   * the status change refused.
   */
  static String storable(String detail) {
    if (detail == null) {
      return null;
    }
    String masked = PersonalNumbers.mask(detail);
    if (masked.length() <= MAX_DETAIL) {
      return masked;
    }
    // Counted in UTF-16 units, as the column is; never splitting a character in two.
    int cut = MAX_DETAIL - 1;
    if (Character.isHighSurrogate(masked.charAt(cut - 1))) {
      cut--;
    }
    return masked.substring(0, cut) + "…";
  }

  private static TicketRecord record(ResultSet row, List<TicketRecord.StatusChange> history)
      throws SQLException {
    return new TicketRecord(
        row.getString("ticket_number"),
        TicketStatus.valueOf(row.getString("status")),
        row.getString("agency_responsible"),
        hotlineTime(row, "expected_at"),
        hotlineTime(row, "updated_at"),
        EventJson.MAPPER.readValue(row.getString("event_json"), TicketReceived.class),
        history);
  }

  /**
   * A time as intake answers it, in Asia/Shanghai: H2 gives back the offset it was written with,
   * PostgreSQL keeps only the instant and gives it back in UTC.
   */
  private static OffsetDateTime hotlineTime(ResultSet row, String column) throws SQLException {
    return hotlineTime(row.getObject(column, OffsetDateTime.class));
  }

  private static OffsetDateTime hotlineTime(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(HotlineTime.ZONE).toOffsetDateTime();
  }

  /**
   * Routing placed the ticket in a topic: from now on that is the topic intake lists it under
   * (Open311's {@code service_code}), also when the operator chose none; the event as published
   * keeps the operator's choice. A ticket routed again after a return follows the latest decision.
   */
  public void topicDecided(String ticketNumber, String topicCode) {
    jdbc.sql("UPDATE ticket SET topic_code = :topic WHERE ticket_number = :number")
        .param("topic", topicCode)
        .param("number", ticketNumber)
        .update();
  }

  /** Each ticket's topic as intake lists it (see {@link #topicDecided}); absent when none. */
  public java.util.Map<String, String> topicsOf(List<String> ticketNumbers) {
    var topics = new java.util.HashMap<String, String>();
    if (ticketNumbers.isEmpty()) {
      return topics;
    }
    jdbc.sql(
            "SELECT ticket_number, topic_code FROM ticket"
                + " WHERE ticket_number IN (:numbers) AND topic_code IS NOT NULL")
        .param("numbers", ticketNumbers)
        .query(
            row -> {
              topics.put(row.getString("ticket_number"), row.getString("topic_code"));
            });
    return topics;
  }
}
