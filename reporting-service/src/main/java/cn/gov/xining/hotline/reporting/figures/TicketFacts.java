package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;

/**
 * One ticket as the reports see it: as received, as routed (null until routing decided) and as
 * handled (empty until handling-service reported anything). Counted on the day it was received.
 */
record TicketFacts(TicketReceived ticket, TicketRouted routed, HandlingFacts handling) {

  TicketFacts {
    handling = handling == null ? HandlingFacts.none() : handling;
  }

  TicketFacts withRouted(TicketRouted decision) {
    return new TicketFacts(ticket, decision, handling);
  }

  TicketFacts withHandling(HandlingFacts facts) {
    return new TicketFacts(ticket, routed, facts);
  }
}
