package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A decision of the hotline's own staff on a ticket in handling, on {@link Topics#HOTLINE_ACTIONS},
 * keyed by ticket number. Written by handling-service's REST API.
 *
 * @param eventId unique per action: an action sent twice changes nothing
 * @param kind what was decided
 * @param by the staff member
 * @param reason why a result is sent back or an extension refused
 * @param reached for a callback: whether the citizen was reached
 * @param solved for a callback: whether the citizen says the problem was solved
 * @param satisfaction for a callback that reached the citizen
 * @param note anything else the staff member wrote down
 */
public record HotlineAction(
    UUID eventId,
    String ticketNumber,
    HotlineActionKind kind,
    OffsetDateTime at,
    String by,
    String reason,
    Boolean reached,
    Boolean solved,
    Satisfaction satisfaction,
    String note) {}
