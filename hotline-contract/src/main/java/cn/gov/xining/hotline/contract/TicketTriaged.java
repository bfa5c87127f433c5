package cn.gov.xining.hotline.contract;

/**
 * A ticket waits for a triage operator (派单员) because no rule could place it with confidence.
 * Published on {@link Topics#TICKETS_TRIAGE}, keyed by ticket number; when the ticket is dispatched
 * by hand routing writes a tombstone (null value) for the key, so the compacted topic holds exactly
 * the triage backlog.
 *
 * @param ticket the ticket as received
 * @param decision routing's triage decision: the reason, and the proposed topic and units if any
 */
public record TicketTriaged(TicketReceived ticket, TicketRouted decision) {}
