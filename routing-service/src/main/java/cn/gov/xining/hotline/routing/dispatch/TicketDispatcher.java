package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.decisions.RoutingPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Routes each received ticket. The sends join the listener container's Kafka transaction, so the
 * decision, the assignments and the consumed offset are committed together or not at all.
 */
@Component
class TicketDispatcher {

  private final RoutingPolicy policy;
  private final DecisionPublisher publisher;
  private final KafkaTemplate<String, Object> kafka;
  private final Clock clock;
  private final Timer decisionLatency;

  TicketDispatcher(
      RoutingPolicy policy,
      DecisionPublisher publisher,
      KafkaTemplate<String, Object> kafka,
      Clock clock,
      MeterRegistry meters) {
    this.policy = policy;
    this.publisher = publisher;
    this.kafka = kafka;
    this.clock = clock;
    this.decisionLatency =
        Timer.builder("hotline.routing.decision.latency")
            .description("time to decide one ticket, without publishing")
            .register(meters);
  }

  @KafkaListener(id = "ticket-dispatcher", topics = Topics.TICKETS_RECEIVED)
  void dispatch(TicketReceived ticket) {
    if (ticket.ticketNumber() == null || ticket.receivedAt() == null) {
      throw new IllegalArgumentException("a received ticket needs a number and a time received");
    }
    var decision = decisionLatency.record(() -> policy.decide(ticket));
    publisher.publish(kafka, ticket, decision, HotlineTime.now(clock));
  }
}
