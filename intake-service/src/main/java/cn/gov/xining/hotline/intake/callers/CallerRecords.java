package cn.gov.xining.hotline.intake.callers;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Callers' encrypted contact details per ticket, and the lookup of a repeat caller's tickets. */
@Component
public class CallerRecords {

  private final JdbcClient jdbc;
  private final CallerPrivacy privacy;

  CallerRecords(JdbcClient jdbc, CallerPrivacy privacy) {
    this.jdbc = jdbc;
    this.privacy = privacy;
  }

  /**
   * A caller's details as they are kept: the phone number's keyed hash, number and name encrypted.
   * All null for an anonymous caller.
   */
  public record SealedCaller(String phoneHash, String phoneSealed, String nameSealed) {
    boolean anonymous() {
      return phoneSealed == null && nameSealed == null;
    }
  }

  /** Hashes and encrypts, before the transaction that keeps the result: it holds no locks then. */
  public SealedCaller seal(String name, String phone) {
    return new SealedCaller(
        phone == null ? null : privacy.hash(phone),
        phone == null ? null : privacy.encrypt(CallerPrivacy.normalise(phone)),
        name == null ? null : privacy.encrypt(name));
  }

  public void keep(String ticketNumber, OffsetDateTime receivedAt, SealedCaller caller) {
    if (caller.anonymous()) {
      return; // nothing to keep
    }
    jdbc.sql(
            "INSERT INTO ticket_caller (ticket_number, received_at, phone_hash, phone_sealed, name_sealed)"
                + " VALUES (:number, :receivedAt, :hash, :phone, :name)")
        .param("number", ticketNumber)
        .param("receivedAt", receivedAt)
        .param("hash", caller.phoneHash())
        .param("phone", caller.phoneSealed())
        .param("name", caller.nameSealed())
        .update();
  }

  /** The clear phone number for the callback, or null for an anonymous caller. */
  public String phoneFor(String ticketNumber) {
    return unsealed("phone_sealed", ticketNumber);
  }

  /** The caller's name, or null if not given. */
  public String nameFor(String ticketNumber) {
    return unsealed("name_sealed", ticketNumber);
  }

  private String unsealed(String column, String ticketNumber) {
    return jdbc
        .sql("SELECT " + column + " FROM ticket_caller WHERE ticket_number = :number")
        .param("number", ticketNumber)
        .query(String.class)
        .list()
        .stream()
        .filter(Objects::nonNull) // a caller who gave a name and no number, or the reverse
        .findFirst()
        .map(privacy::decrypt)
        .orElse(null);
  }

  /** An earlier ticket of the same caller and its status in intake's history (a status name). */
  public record CallerTicket(String ticketNumber, OffsetDateTime receivedAt, String status) {}

  /** The caller's tickets since a given time with where each stands, newest first. */
  public List<CallerTicket> ticketsOf(String phone, OffsetDateTime since) {
    return jdbc.sql(
            "SELECT c.ticket_number, c.received_at, t.status FROM ticket_caller c"
                + " JOIN ticket t ON t.ticket_number = c.ticket_number"
                + " WHERE c.phone_hash = :hash AND c.received_at >= :since"
                + " ORDER BY c.received_at DESC")
        .param("hash", privacy.hash(phone))
        .param("since", since)
        .query(
            (row, i) ->
                new CallerTicket(
                    row.getString("ticket_number"),
                    // In Asia/Shanghai on every database: PostgreSQL gives the instant back in UTC.
                    row.getObject("received_at", OffsetDateTime.class)
                        .atZoneSameInstant(HotlineTime.ZONE)
                        .toOffsetDateTime(),
                    row.getString("status")))
        .list();
  }
}
