package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A lead unit sent a ticket back (退回) and it is to be routed again, on {@link
 * Topics#TICKETS_RETURNED}, keyed by ticket number. Written by handling-service, which keeps the
 * received tickets for this; read by routing-service, which picks the next candidate unit or puts
 * the ticket in triage. Schema {@code TicketReturned.schema.json}.
 *
 * @param eventId the id of the lifecycle event that recorded the return
 * @param ticket the ticket as received
 * @param returnedBy the unit that sent it back
 * @param reason why
 * @param excludedUnits every unit that has sent this ticket back: not to be chosen again
 * @param returnedAt when the return reached the hotline
 */
public record TicketReturned(
    UUID eventId,
    TicketReceived ticket,
    String returnedBy,
    ReturnReason reason,
    List<String> excludedUnits,
    OffsetDateTime returnedAt) {

  public TicketReturned {
    excludedUnits = excludedUnits == null ? List.of() : List.copyOf(excludedUnits);
  }
}
