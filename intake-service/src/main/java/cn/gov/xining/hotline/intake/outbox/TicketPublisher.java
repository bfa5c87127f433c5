package cn.gov.xining.hotline.intake.outbox;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Hands stored tickets to Kafka (acks=all, idempotent producer) through the circuit breaker: while
 * the operator waits, and for the relay. Every send is accounted to the breaker, so a broker outage
 * opens it after a few failures and the API answers at once with the ticket queued.
 */
@Component
public class TicketPublisher {

  private static final Logger log = LoggerFactory.getLogger(TicketPublisher.class);

  private final KafkaTemplate<String, Object> kafka;
  private final CircuitBreaker breaker;
  private final TicketOutbox outbox;
  private final Clock clock;
  private final Duration publishWait;
  private final Duration lease;
  private final Timer requestLatency;
  private final Timer relayLatency;

  TicketPublisher(
      KafkaTemplate<String, Object> kafka,
      CircuitBreaker brokerBreaker,
      TicketOutbox outbox,
      Clock clock,
      OutboxProperties properties,
      MeterRegistry meters) {
    this.kafka = kafka;
    this.breaker = brokerBreaker;
    this.outbox = outbox;
    this.clock = clock;
    this.publishWait = properties.outbox().publishWait();
    this.lease = outbox.lease();
    this.requestLatency = latency(meters, "request");
    this.relayLatency = latency(meters, "relay");
  }

  /**
   * Sends a stored ticket while the operator waits.
   *
   * @return whether Kafka acknowledged it within the wait; if not, the ticket stays in the outbox
   *     and the relay sends it once the breaker lets it
   */
  public boolean publishNow(StoredTicket ticket) {
    if (!breaker.tryAcquirePermission()) {
      outbox.release(ticket.ticketNumber(), HotlineTime.now(clock));
      return false;
    }
    long start = System.nanoTime();
    CompletableFuture<SendResult<String, Object>> sent;
    try {
      sent = send(ticket);
    } catch (KafkaException unreachable) { // no metadata within max.block.ms
      failed(start, unreachable, ticket);
      return false;
    }
    try {
      sent.get(publishWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException stillInFlight) {
      // It may yet be acknowledged: the lease keeps the relay off until the producer gives up.
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, stillInFlight);
      sent.whenCompleteAsync((result, error) -> settleLate(ticket, error));
      return false;
    } catch (ExecutionException rejected) {
      failed(start, rejected.getCause(), ticket);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      breaker.releasePermission(); // no outcome to record, and a half-open trial must not leak
      return false; // leased; the relay takes it after the lease
    }
    long took = System.nanoTime() - start;
    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
    requestLatency.record(took, TimeUnit.NANOSECONDS);
    outbox.published(ticket.ticketNumber(), HotlineTime.now(clock), "acknowledged while taking");
    return true;
  }

  /**
   * Sends one batch of tickets the outbox holds past their lease, if the breaker allows.
   *
   * @return how many tickets Kafka acknowledged; -1 when the breaker did not allow trying
   */
  int relayDue(int max) {
    var now = HotlineTime.now(clock);
    var dueNumbers = outbox.dueNumbers(now, max);
    if (dueNumbers.isEmpty()) {
      // Asked before the breaker: an idle relay holding one of the half-open breaker's few trial
      // permissions, however briefly, turned an operator's trial send away.
      return 0;
    }
    if (!breaker.tryAcquirePermission()) {
      return -1;
    }
    List<StoredTicket> due;
    try {
      due = outbox.claim(dueNumbers, now, outbox.leaseFrom(now));
    } catch (RuntimeException notClaimed) {
      breaker.releasePermission();
      throw notClaimed;
    }
    if (due.isEmpty()) { // another intake instance's relay claimed them first
      breaker.releasePermission();
      return 0;
    }
    long start = System.nanoTime();
    var sends = new ArrayList<CompletableFuture<SendResult<String, Object>>>();
    Throwable unreachable = null;
    try {
      for (var ticket : due) {
        sends.add(send(ticket));
      }
    } catch (KafkaException e) {
      // Not handed to the producer, so surely not sent: the next round may take them.
      unreachable = e;
      var now2 = HotlineTime.now(clock);
      due.subList(sends.size(), due.size())
          .forEach(ticket -> outbox.release(ticket.ticketNumber(), now2));
    }
    // All claimed ones go in, so the log counts them; the first sends.size() were handed over.
    return settleRelayed(due, sends, start, unreachable);
  }

  private int settleRelayed(
      List<StoredTicket> claimed,
      List<CompletableFuture<SendResult<String, Object>>> sends,
      long start,
      Throwable unreachable) {
    int acknowledged = 0;
    Throwable failure = unreachable;
    for (int i = 0; i < sends.size(); i++) {
      var ticket = claimed.get(i);
      try {
        sends.get(i).get(lease.toMillis(), TimeUnit.MILLISECONDS);
        outbox.published(ticket.ticketNumber(), HotlineTime.now(clock), "sent by the outbox relay");
        acknowledged++;
      } catch (ExecutionException rejected) {
        failure = rejected.getCause();
        outbox.release(ticket.ticketNumber(), HotlineTime.now(clock));
      } catch (TimeoutException e) {
        failure = e; // leased: tried again after the lease
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        breaker.releasePermission();
        return acknowledged;
      }
    }
    long took = System.nanoTime() - start;
    if (failure == null) {
      breaker.onSuccess(took, TimeUnit.NANOSECONDS);
      relayLatency.record(took, TimeUnit.NANOSECONDS);
      log.info("outbox relay: {} stored tickets published", acknowledged);
    } else {
      breaker.onError(took, TimeUnit.NANOSECONDS, failure);
      log.warn(
          "outbox relay: {} of {} tickets acknowledged, broker still failing: {}",
          acknowledged,
          claimed.size(),
          failure.toString());
    }
    return acknowledged;
  }

  /** The stored JSON as it is: the producer's serializer passes bytes through untouched. */
  private CompletableFuture<SendResult<String, Object>> send(StoredTicket ticket) {
    return kafka.send(Topics.TICKETS_RECEIVED, ticket.ticketNumber(), ticket.value());
  }

  private void failed(long start, Throwable error, StoredTicket ticket) {
    breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, error);
    outbox.release(ticket.ticketNumber(), HotlineTime.now(clock));
    log.warn("ticket {} queued in the outbox: {}", ticket.ticketNumber(), error.toString());
  }

  private void settleLate(StoredTicket ticket, Throwable error) {
    if (error == null) {
      outbox.published(
          ticket.ticketNumber(), HotlineTime.now(clock), "acknowledged after the operator's wait");
    } else {
      outbox.release(ticket.ticketNumber(), HotlineTime.now(clock));
    }
  }

  private static Timer latency(MeterRegistry meters, String path) {
    return Timer.builder("hotline.intake.publish.latency")
        .description("from handing a ticket to the producer to Kafka's acknowledgement")
        .tag("path", path)
        .publishPercentiles(0.5, 0.99)
        .register(meters);
  }
}
