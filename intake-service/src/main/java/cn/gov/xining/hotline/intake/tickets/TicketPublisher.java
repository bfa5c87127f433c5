package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a received ticket and waits for the broker's acknowledgement (acks=all, idempotent
 * producer): the operator must not read out a number for a ticket that is not durable.
 */
@Component
class TicketPublisher {

  private final KafkaTemplate<String, Object> kafka;
  private final IntakeProperties properties;

  TicketPublisher(KafkaTemplate<String, Object> kafka, IntakeProperties properties) {
    this.kafka = kafka;
    this.properties = properties;
  }

  void publish(TicketReceived ticket) {
    try {
      kafka
          .send(Topics.TICKETS_RECEIVED, ticket.ticketNumber(), ticket)
          .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new BrokerUnavailableException(e);
    }
  }
}
