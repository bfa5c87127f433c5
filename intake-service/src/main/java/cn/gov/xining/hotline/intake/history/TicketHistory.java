package cn.gov.xining.hotline.intake.history;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ticket table and its status history in intake's database. */
@Component
public class TicketHistory {

  /** What the Open311 {@code GET requests} may filter by; null fields do not filter. */
  public record Search(
      OffsetDateTime from, OffsetDateTime until, String topicCode, Boolean closed, int limit) {}

  private final JdbcClient jdbc;

  TicketHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new ticket as RECEIVED; runs inside the caller's transaction. */
  public void received(TicketReceived ticket, OffsetDateTime at) {
    jdbc.sql(
            "INSERT INTO ticket (ticket_number, received_at, channel, topic_code, status,"
                + " updated_at, event_json) VALUES (:number, :receivedAt, :channel, :topic,"
                + " :status, :at, :json)")
        .param("number", ticket.ticketNumber())
        .param("receivedAt", ticket.receivedAt())
        .param("channel", ticket.channel())
        .param("topic", ticket.topicCode())
        .param("status", TicketStatus.RECEIVED.name())
        .param("at", at)
        .param("json", EventJson.MAPPER.writeValueAsString(ticket))
        .update();
    insertChange(ticket.ticketNumber(), TicketStatus.RECEIVED, at, null, null);
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
    try {
      insertChange(ticketNumber, status, at, detail, sourceEventId);
    } catch (DuplicateKeyException seenBefore) {
      return false;
    }
    var earlier =
        Arrays.stream(TicketStatus.values())
            .filter(s -> s.ordinal() < status.ordinal())
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
    return jdbc.sql("SELECT * FROM ticket WHERE ticket_number = :number")
        .param("number", ticketNumber)
        .query((row, i) -> record(row, List.of()))
        .optional()
        .map(found -> found.withHistory(history(ticketNumber)));
  }

  /** Tickets newest first, without their histories. */
  public List<TicketRecord> search(Search search) {
    var sql = new StringBuilder("SELECT * FROM ticket WHERE 1 = 1");
    var closedStatuses =
        Arrays.stream(TicketStatus.values()).filter(TicketStatus::closed).map(Enum::name).toList();
    if (search.from() != null) {
      sql.append(" AND received_at >= :from");
    }
    if (search.until() != null) {
      sql.append(" AND received_at <= :until");
    }
    if (search.topicCode() != null) {
      sql.append(" AND topic_code = :topic");
    }
    if (search.closed() != null) {
      sql.append(search.closed() ? " AND status IN (:closed)" : " AND status NOT IN (:closed)");
    }
    sql.append(" ORDER BY received_at DESC, ticket_number DESC LIMIT :limit");
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
    if (search.closed() != null) {
      statement = statement.param("closed", closedStatuses);
    }
    return statement.query((row, i) -> record(row, List.of())).list();
  }

  private boolean exists(String ticketNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE ticket_number = :number")
            .param("number", ticketNumber)
            .query(Integer.class)
            .single()
        > 0;
  }

  private List<TicketRecord.StatusChange> history(String ticketNumber) {
    return jdbc.sql(
            "SELECT status, changed_at, detail FROM ticket_status_change"
                + " WHERE ticket_number = :number ORDER BY id")
        .param("number", ticketNumber)
        .query(
            (row, i) -> {
              var status = TicketStatus.valueOf(row.getString("status"));
              return new TicketRecord.StatusChange(
                  status,
                  status.chineseName(),
                  row.getObject("changed_at", OffsetDateTime.class),
                  row.getString("detail"));
            })
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
        .param("detail", detail)
        .param("source", sourceEventId)
        .update();
  }

  private static TicketRecord record(ResultSet row, List<TicketRecord.StatusChange> history)
      throws SQLException {
    return new TicketRecord(
        row.getString("ticket_number"),
        TicketStatus.valueOf(row.getString("status")),
        row.getString("agency_responsible"),
        row.getObject("expected_at", OffsetDateTime.class),
        row.getObject("updated_at", OffsetDateTime.class),
        EventJson.MAPPER.readValue(row.getString("event_json"), TicketReceived.class),
        history);
  }
}
