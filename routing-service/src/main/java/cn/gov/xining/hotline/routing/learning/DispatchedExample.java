package cn.gov.xining.hotline.routing.learning;

import java.time.OffsetDateTime;

/**
 * A dispatcher's manual dispatch of a triaged ticket, as a labelled example for the topic model;
 * published on {@code routing-examples} keyed by ticket number, in the dispatch's transaction.
 *
 * @param ticketNumber the ticket
 * @param text the ticket's content, what the model reads
 * @param topicCode the topic the dispatcher chose: the label
 * @param proposedTopic the topic of the triage decision, null when it proposed none
 * @param dispatcher who dispatched (派单员)
 * @param at when
 */
public record DispatchedExample(
    String ticketNumber,
    String text,
    String topicCode,
    String proposedTopic,
    String dispatcher,
    OffsetDateTime at) {

  /** Whether the model proposed what the dispatcher chose. */
  boolean proposedRight() {
    return topicCode.equals(proposedTopic);
  }

  /** Examples in the held-back share (one in five, by ticket number) are never trained on. */
  boolean heldBack() {
    return heldBack(ticketNumber);
  }

  static boolean heldBack(String ticketNumber) {
    return Math.floorMod(ticketNumber.hashCode(), 5) == 0;
  }
}
