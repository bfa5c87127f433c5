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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * for the same appeal is skipped: intake's outbox may publish a ticket twice (see {@link
 * DecidedTickets}). The same number with another appeal is an alarm, not a duplicate: an ERROR line
 * and a dead letter saying why.
 */
@Component
class TicketDispatcher {

  private static final Logger log = LoggerFactory.getLogger(TicketDispatcher.class);

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
            .description(
                "tickets received again under a number already decided for them, and skipped")
            .register(meters);
  }

  @KafkaListener(id = "ticket-dispatcher", topics = Topics.TICKETS_RECEIVED, batch = "true")
  void dispatch(List<ConsumerRecord<String, TicketReceived>> records) {
    var decidedNow = new HashMap<String, Long>();
    var digestsInThisPoll = new HashMap<String, Long>();
    for (var record : records) {
      tracing.within(
          record, "ticket-dispatcher", () -> dispatch(record, digestsInThisPoll, decidedNow));
    }
    decided.addWhenCommitted(decidedNow);
  }

  private void dispatch(
      ConsumerRecord<String, TicketReceived> record,
      Map<String, Long> digestsInThisPoll,
      Map<String, Long> decidedNow) {
    try {
      var ticket = readable(record);
      long digest = TicketDigest.of(ticket);
      Long earlier = digestsInThisPoll.get(ticket.ticketNumber());
      if (earlier == null) {
        earlier = decided.digestOf(ticket.ticketNumber());
      }
      if (earlier != null) {
        if (!TicketDigest.sameTicket(earlier, digest)) {
          throw new ReusedTicketNumberException(ticket, Topics.deadLetterOf(record.topic()));
        }
        duplicates.increment();
        return;
      }
      digestsInThisPoll.put(ticket.ticketNumber(), digest);
      var decision = decisionLatency.record(() -> policy.decide(ticket));
      publisher.publish(kafka, ticket, decision, HotlineTime.now(clock));
      decidedNow.put(ticket.ticketNumber(), digest);
    } catch (ReusedTicketNumberException reused) {
      log.error(reused.getMessage());
      deadLetters.accept(record, reused);
    } catch (RuntimeException unroutable) {
      // Unreadable, or the engine could not decide (unknown codes, a date past the calendar).
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
    // The contract: a ticket's record is keyed by its number. Decided under another key, it would
    // escape the duplicate check, and its decision could not be found by its number.
    if (!ticket.ticketNumber().equals(record.key())) {
      throw new UnroutableTicketException(
          "ticketNumber %s is not the record's key %s"
              .formatted(ticket.ticketNumber(), record.key()));
    }
    return ticket;
  }
}
