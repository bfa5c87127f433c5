package cn.gov.xining.hotline.intake.outbox;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds once the broker is reachable: tickets taken during an outage, and
 * tickets whose intake process died between storing and publishing them.
 */
@Component
class OutboxRelay {

  private final TicketPublisher publisher;
  private final int batch;

  OutboxRelay(TicketPublisher publisher, OutboxProperties properties) {
    this.publisher = publisher;
    this.batch = properties.outbox().relayBatch();
  }

  @Scheduled(
      initialDelayString = "${hotline.intake.outbox.relay-interval:500ms}",
      fixedDelayString = "${hotline.intake.outbox.relay-interval:500ms}")
  void relay() {
    // Full batches mean more is waiting: keep going rather than wait for the next round.
    while (publisher.relayDue(batch) == batch) {
      // next batch
    }
  }
}
