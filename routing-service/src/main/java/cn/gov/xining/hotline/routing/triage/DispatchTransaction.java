package cn.gov.xining.hotline.routing.triage;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.EventSerdes;
import cn.gov.xining.hotline.routing.compacted.FollowedTopic;
import cn.gov.xining.hotline.routing.triage.TriageBacklog.Waiting;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.TransactionIdSuffixStrategy;
import org.springframework.stereotype.Component;

/**
 * The Kafka transaction of a manual dispatch, committed for at most one dispatch of a triaged
 * ticket whichever routing instance runs it: a compare-and-set made of Kafka's transactional
 * fencing.
 *
 * <p>The transactional id is the ticket's ({@code routing-triage-<ticket number>}). Starting a
 * producer with it fences every other producer with it, so of two dispatches that overlap only the
 * one started last can commit, and it waits for an earlier one's commit to complete. The dispatch
 * then writes the tombstone that takes the ticket off the backlog, and reads the ticket's partition
 * of {@code tickets-triage} (committed records only) from the record the backlog showed up to that
 * tombstone: read_committed reaches it only once every transaction begun before it has ended, so a
 * dispatch committed earlier is seen. Only if nothing came after the record shown does it publish
 * and commit.
 */
@Component
class DispatchTransaction {

  private static final Logger log = LoggerFactory.getLogger(DispatchTransaction.class);

  /** Under {@code routing-}, the prefix deploy/kafka-security.yaml grants routing-service. */
  private static final String TRANSACTIONAL_ID_PREFIX = "routing-triage-";

  /** The ticket's transactional id as it is: the id names the ticket, not a producer. */
  private static final TransactionIdSuffixStrategy NO_SUFFIX =
      new TransactionIdSuffixStrategy() {
        @Override
        public String acquireSuffix(String prefix) {
          return "";
        }

        @Override
        public void releaseSuffix(String prefix, String suffix) {}
      };

  /** A dispatch's transaction lasts at most this longer than its wait to confirm. */
  private static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(10);

  private final Map<String, Object> producerProperties;
  private final Map<String, Object> consumerProperties;
  private final ObservationRegistry observations;
  private final Duration confirmWithin;

  DispatchTransaction(
      KafkaProperties kafka,
      ObjectProvider<ObservationRegistry> observations,
      TriageProperties properties) {
    this.confirmWithin = properties.confirmWithin();
    var producer = new HashMap<>(kafka.buildProducerProperties());
    // A dispatch whose instance dies mid-transaction keeps every read_committed reader of the
    // partitions it wrote (the ticket's of tickets-triage first) waiting until the broker aborts
    // it, 60 s by default. A dispatch lasts well under a second unless it waits to confirm, at most
    // confirm-within; ten seconds more is ample for publishing and committing.
    producer.put(
        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
        (int) confirmWithin.plus(TRANSACTION_MARGIN).toMillis());
    this.producerProperties = Map.copyOf(producer);
    // Assigned, not subscribed, committed records only: as the followers of routing's topics read.
    var consumer = FollowedTopic.readerProperties(kafka.buildConsumerProperties());
    // Closing waits for the fetch in flight, which the broker holds up to this long when the
    // reading has reached the end: 500 ms by default, most of a dispatch.
    consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    this.consumerProperties = Map.copyOf(consumer);
    // The decision's traceparent continues the dispatcher's request, as routing's template does.
    this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
  }

  /**
   * Runs {@code publish} in the ticket's transaction and commits it, unless another dispatch of the
   * ticket committed first or takes over meanwhile.
   *
   * @throws NotInTriageException if the ticket was dispatched since the backlog showed it
   * @throws DispatchConflictException if another dispatch of it overlapped this one and won, or the
   *     ticket went to triage again since
   * @throws DispatchNotConfirmedException if the partition could not be read in time ({@link
   *     TriageProperties#confirmWithin()})
   */
  <T> T runOnce(Waiting waiting, Function<KafkaOperations<String, Object>, T> publish) {
    String ticketNumber = waiting.ticketNumber();
    var producers =
        new DefaultKafkaProducerFactory<>(
            producerProperties, new StringSerializer(), EventSerdes.valueSerializer());
    producers.setTransactionIdPrefix(TRANSACTIONAL_ID_PREFIX + ticketNumber);
    producers.setTransactionIdSuffixStrategy(NO_SUFFIX);
    var kafka = new KafkaTemplate<>(producers);
    kafka.setObservationRegistry(observations);
    try {
      return kafka.executeInTransaction(
          operations -> {
            long tombstone = sendTombstone(operations, waiting);
            checkNothingCameAfter(waiting, tombstone);
            return publish.apply(operations);
          });
    } catch (RuntimeException e) {
      if (fenced(e)) {
        // Spring Kafka has logged the fenced commit or send at ERROR; it is a lost race, no fault.
        log.info("ticket {}: another dispatch of it took over (fenced); refused", ticketNumber);
        throw DispatchConflictException.underWay(ticketNumber);
      }
      throw e;
    } finally {
      producers.destroy();
    }
  }

  /** The tombstone on the partition of the record shown, and its offset. */
  private static long sendTombstone(KafkaOperations<String, Object> operations, Waiting waiting) {
    var tombstone =
        new ProducerRecord<String, Object>(
            Topics.TICKETS_TRIAGE, waiting.partition().partition(), waiting.ticketNumber(), null);
    try {
      return operations.send(tombstone).get().getRecordMetadata().offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new IllegalStateException(e.getCause());
    }
  }

  private void checkNothingCameAfter(Waiting waiting, long tombstone) {
    String ticketNumber = waiting.ticketNumber();
    var partition = waiting.partition();
    ConsumerRecord<String, byte[]> later = null;
    long deadline = System.nanoTime() + confirmWithin.toNanos();
    try (var consumer =
        new KafkaConsumer<>(
            consumerProperties, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, waiting.offset() + 1);
      // Our own tombstone is the end: an open transaction, read_committed stops in front of it.
      while (consumer.position(partition) < tombstone) {
        if (System.nanoTime() > deadline) {
          throw new DispatchNotConfirmedException(ticketNumber, confirmWithin);
        }
        for (var record : consumer.poll(Duration.ofMillis(100))) {
          if (record.offset() < tombstone && ticketNumber.equals(record.key())) {
            later = record;
          }
        }
      }
    }
    if (later != null && later.value() == null) {
      throw new NotInTriageException(ticketNumber);
    }
    if (later != null) {
      throw DispatchConflictException.changed(ticketNumber);
    }
  }

  /** Another producer with the ticket's transactional id started after this one. */
  private static boolean fenced(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProducerFencedException
          || cause instanceof InvalidProducerEpochException) {
        return true;
      }
    }
    return false;
  }
}
