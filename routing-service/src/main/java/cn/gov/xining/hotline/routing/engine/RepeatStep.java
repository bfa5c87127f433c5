package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.contract.TicketReceived;

/**
 * Whether a ticket joins an open ticket's case as a repeat appeal (重复件). Intake proposes the open
 * ticket from the place, the words and the time (docs/repeat-appeals.md); routing links only what
 * it would itself have transferred in that ticket's topic, so a different problem at the same place
 * (a lift where the open ticket is about heating) gets a case of its own.
 */
final class RepeatStep {

  boolean sameProblem(TicketReceived ticket, Route route) {
    var open = ticket.repeatOf();
    return open != null
        && open.ticketNumber() != null
        && open.primaryUnit() != null
        && route.topic().code().equals(open.topicCode());
  }
}
