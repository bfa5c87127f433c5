package cn.gov.xining.hotline.intake.history;

import cn.gov.xining.hotline.contract.TicketReceived;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One ticket as intake knows it.
 *
 * @param status where the ticket is now
 * @param agencyResponsible the lead unit's code once transferred, {@code hotline} when answered
 *     directly, otherwise null
 * @param expectedAt 办理时限 once transferred
 * @param ticket the ticket as published (the caller's number only masked)
 * @param history every status change, oldest first
 */
public record TicketRecord(
    String ticketNumber,
    TicketStatus status,
    String agencyResponsible,
    OffsetDateTime expectedAt,
    OffsetDateTime updatedAt,
    TicketReceived ticket,
    List<StatusChange> history) {

  TicketRecord withHistory(List<StatusChange> history) {
    return new TicketRecord(
        ticketNumber, status, agencyResponsible, expectedAt, updatedAt, ticket, history);
  }

  /** One step of the history. */
  public record StatusChange(
      TicketStatus status, String statusName, OffsetDateTime at, String detail) {}
}
