package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.reporting.hottopics.MainContent;
import java.util.List;

/**
 * One ticket as the reports see it: as received, as routed (null until routing decided) and as
 * handled (empty until handling-service reported anything), with the phrases its text offers for
 * its topic's main content ({@link MainContent#phrasesOf}, worked out once per received ticket:
 * {@link ReceivedTicket}). Counted on the day it was received.
 */
record TicketFacts(
    TicketReceived ticket, TicketRouted routed, HandlingFacts handling, List<String> phrases) {

  TicketFacts {
    handling = handling == null ? HandlingFacts.none() : handling;
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
  }

  /** A received ticket and its decision; the phrases were drawn from the text on receipt. */
  static TicketFacts of(ReceivedTicket received, TicketRouted decision) {
    return new TicketFacts(received.ticket(), decision, null, received.phrases());
  }

  TicketFacts withHandling(HandlingFacts facts) {
    return new TicketFacts(ticket, routed, facts, phrases);
  }
}
