package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.KafkaException;
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

  TicketPublisher(
      KafkaTemplate<String, Object> kafka,
      IntakeProperties properties,
      KafkaProperties kafkaProperties) {
    this.kafka = kafka;
    this.properties = properties;
    // Answering 503 ("no number given") is only true if the producer has given up on the record
    // by then; otherwise it could still be delivered, and routed, after the operator was told no.
    long deliveryTimeout =
        Long.parseLong(
            String.valueOf(
                kafkaProperties
                    .buildProducerProperties()
                    .getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000")));
    if (properties.publishTimeout().toMillis() <= deliveryTimeout) {
      throw new IllegalStateException(
          "hotline.intake.publish-timeout (%d ms) must be longer than the producer's delivery.timeout.ms (%d ms)"
              .formatted(properties.publishTimeout().toMillis(), deliveryTimeout));
    }
  }

  void publish(TicketReceived ticket) {
    try {
      kafka
          .send(Topics.TICKETS_RECEIVED, ticket.ticketNumber(), ticket)
          .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException(e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      // KafkaException: send() itself gives up when the broker cannot even be reached for
      // metadata within max.block.ms.
      throw new BrokerUnavailableException(e);
    }
  }
}
