package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.RecordTracing;
import cn.gov.xining.hotline.routing.decisions.RoutingPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * Routes received tickets a poll at a time, in one Kafka transaction per poll: the decisions, the
 * assignments and the consumed offsets are committed together or not at all, so a routing process
 * killed mid-batch leaves every ticket assigned exactly once. A record that cannot be read or
 * decided is dead-lettered inside the same transaction and the rest of the batch goes on; one
 * transaction per ticket would cost a broker round trip per ticket. A ticket number already decided
 * is skipped: intake's outbox may publish a ticket twice (see {@link DecidedTickets}).
 */
@Component
class TicketDispatcher {

  private final RoutingPolicy policy;
  private final DecisionPublisher publisher;
  private final KafkaTemplate<String, Object> kafka;
  private final ConsumerRecordRecoverer deadLetters;
  private final Clock clock;
  private final Timer decisionLatency;
  private final DecidedTickets decided;
  private final Counter duplicates;
  private final RecordTracing tracing;

  TicketDispatcher(
      RoutingPolicy policy,
      DecisionPublisher publisher,
      KafkaTemplate<String, Object> kafka,
      ConsumerRecordRecoverer deadLetters,
      Clock clock,
      MeterRegistry meters,
      DecidedTickets decided,
      RecordTracing tracing) {
    this.tracing = tracing;
    this.policy = policy;
    this.publisher = publisher;
    this.kafka = kafka;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.decisionLatency =
        Timer.builder("hotline.routing.decision.latency")
            .description("time to decide one ticket, without publishing")
            .register(meters);
    this.decided = decided;
    this.duplicates =
        Counter.builder("hotline.routing.duplicates")
            .description("tickets received again under a number already decided, and skipped")
            .register(meters);
  }

  @KafkaListener(id = "ticket-dispatcher", topics = Topics.TICKETS_RECEIVED, batch = "true")
  void dispatch(List<ConsumerRecord<String, TicketReceived>> records) {
    var decidedNow = new ArrayList<String>();
    var numbersInThisPoll = new HashSet<String>();
    for (var record : records) {
      tracing.within(
          record, "ticket-dispatcher", () -> dispatch(record, numbersInThisPoll, decidedNow));
    }
    decided.addWhenCommitted(decidedNow);
  }

  private void dispatch(
      ConsumerRecord<String, TicketReceived> record,
      Set<String> numbersInThisPoll,
      List<String> decidedNow) {
    try {
      var ticket = readable(record);
      if (decided.contains(ticket.ticketNumber())
          || !numbersInThisPoll.add(ticket.ticketNumber())) {
        duplicates.increment();
        return;
      }
      var decision = decisionLatency.record(() -> policy.decide(ticket));
      publisher.publish(kafka, ticket, decision, HotlineTime.now(clock));
      decidedNow.add(ticket.ticketNumber());
    } catch (RuntimeException unroutable) {
      // Unreadable, or the engine could not decide (e.g. a date past the working calendar).
      deadLetters.accept(record, unroutable);
    }
  }

  private static TicketReceived readable(ConsumerRecord<String, TicketReceived> record) {
    if (record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
      throw new UnroutableTicketException("the record is not a readable TicketReceived");
    }
    var ticket = record.value();
    if (ticket == null || ticket.ticketNumber() == null || ticket.receivedAt() == null) {
      throw new UnroutableTicketException("a received ticket needs a number and a time received");
    }
    return ticket;
  }
}
