package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.contract.TicketReceived;

/**
 * A ticket under a number routing already decided for another appeal. Never a duplicate to skip:
 * the citizen behind it would get no decision and nobody would know. Its usual cause is intake
 * numbering again from the start (its data reset) while Kafka kept its topics.
 */
class ReusedTicketNumberException extends RuntimeException {

  ReusedTicketNumberException(TicketReceived ticket, String deadLetterTopic) {
    super(
        ("ticket number %s was already decided for another appeal; this one (event %s, received %s)"
                + " differs in time, channel, content or address, so it is not routed and goes to"
                + " %s: a ticket number must never repeat (was intake's data reset while Kafka kept"
                + " its topics?)")
            .formatted(
                ticket.ticketNumber(), ticket.eventId(), ticket.receivedAt(), deadLetterTopic));
  }
}
