package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.reporting.hottopics.MainContent;
import java.util.List;

/**
 * A received ticket with the phrases its text offers for its topic's main content, segmented once
 * when the ticket arrives. Not in the join of the received and routed tables: Kafka Streams calls
 * that joiner for the old and the new value of every update of either side, and segmentation there
 * cost a third of the catch-up rate (docs/benchmarks.md).
 */
record ReceivedTicket(TicketReceived ticket, List<String> phrases) {

  ReceivedTicket {
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
  }

  static ReceivedTicket of(TicketReceived ticket) {
    return new ReceivedTicket(ticket, MainContent.phrasesOf(ticket.content()));
  }
}
