package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.contract.HotlineRole;
import cn.gov.xining.hotline.intake.callers.CallerRecords;
import cn.gov.xining.hotline.intake.history.TicketHistory;
import cn.gov.xining.hotline.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's name and number in clear, for whoever must call the citizen: the operator, the
 * hotline's reviewer (回访), and the unit that handles the ticket now — no other unit. Events carry
 * only a masked number; every read here is on the audit trail.
 */
@RestController
class CallerContactController {

  /** Null fields: the caller did not give them (an anonymous appeal). */
  record CallerContact(String ticketNumber, String name, String phone) {}

  private final TicketHistory history;
  private final CallerRecords callers;

  CallerContactController(TicketHistory history, CallerRecords callers) {
    this.history = history;
    this.callers = callers;
  }

  @GetMapping("/api/tickets/{ticketNumber}/caller")
  CallerContact contact(@PathVariable String ticketNumber, Caller caller) {
    var ticket =
        history.find(ticketNumber).orElseThrow(() -> new UnknownTicketException(ticketNumber));
    boolean hotlineStaff = caller.has(HotlineRole.OPERATOR) || caller.has(HotlineRole.REVIEWER);
    if (!hotlineStaff
        && (caller.unit() == null || !caller.unit().equals(ticket.agencyResponsible()))) {
      throw new AccessDeniedException(
          "工单 %s 不由你单位办理 (ticket %s is not handled by your unit)"
              .formatted(ticketNumber, ticketNumber));
    }
    return new CallerContact(
        ticketNumber, callers.nameFor(ticketNumber), callers.phoneFor(ticketNumber));
  }
}
