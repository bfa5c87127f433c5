package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A change in a ticket's handling, on {@link Topics#TICKET_LIFECYCLE}, keyed by ticket number.
 * Written only by handling-service, the single owner of the handling state; units read it to see
 * their reports accepted or refused, reporting to count completion, time limits and satisfaction.
 *
 * @param eventId derived from what caused it, so the same cause gives the same id
 * @param causeId the report's or action's event id; null for the deadline watch and for routing
 * @param status the ticket's status after this event
 * @param unit the unit concerned (the reporting unit, or the lead unit)
 * @param by who acted, where known
 * @param primaryUnit the lead unit in charge after this event
 * @param dueAt 办理时限 in force after this event
 * @param detail what happened, in words an operator reads
 * @param reached for a callback: whether the citizen was reached
 * @param solved for a callback: whether the problem was solved
 * @param satisfaction for a callback: the citizen's verdict
 * @param excludedUnits for a return: every unit that has sent this ticket back, not to be chosen
 *     again
 * @param returns how many times the ticket has been returned
 * @param rehandlings how many times a result was sent back (重办) or re-opened
 */
public record CaseEvent(
    UUID eventId,
    String ticketNumber,
    CaseEventKind kind,
    UUID causeId,
    CaseStatus status,
    OffsetDateTime at,
    String unit,
    String by,
    String primaryUnit,
    OffsetDateTime dueAt,
    String detail,
    Boolean reached,
    Boolean solved,
    Satisfaction satisfaction,
    List<String> excludedUnits,
    int returns,
    int rehandlings) {

  public CaseEvent {
    excludedUnits = excludedUnits == null ? List.of() : List.copyOf(excludedUnits);
  }
}
