package cn.gov.xining.hotline.routing.compacted;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compacted topic every routing instance reads whole: from the beginning to the end it has at
 * start, on the starting thread, so that its state is in hand before a ticket is decided; then
 * followed on a thread of its own, so that what any instance writes reaches this one within
 * seconds. Records are handed over one at a time, each partition's in its order.
 *
 * <p>A plain consumer assigned every partition, in no group: each instance must read every record,
 * there are no offsets worth committing (the topic is read from the beginning at each start), and
 * no group needs an ACL or a clean-up. It reads committed records only: routing's producer is
 * transactional.
 */
public final class FollowedTopic {

  private static final Logger log = LoggerFactory.getLogger(FollowedTopic.class);

  /** Short, so that a caller waiting to be caught up is answered within a poll or two. */
  private static final Duration POLL = Duration.ofMillis(200);

  private static final Duration END_WITHIN = Duration.ofSeconds(10);

  private final String topic;
  private final Map<String, Object> properties;

  /** Guards the fields below; the follower notifies waiting callers after every poll. */
  private final Object progress = new Object();

  /** Per partition, the offset of the next record to hand over: all before it have been. */
  private final Map<TopicPartition, Long> handled = new HashMap<>();

  private long catchUpsAsked;
  private long catchUpsAnswered;
  private Map<TopicPartition, Long> endWhenAsked = Map.of();

  private volatile KafkaConsumer<String, String> consumer;
  private volatile Thread follower;
  private volatile boolean following;

  /**
   * @param consumerProperties the service's consumer properties (bootstrap servers, SASL); group,
   *     client id and offset settings are replaced here
   */
  public FollowedTopic(Map<String, Object> consumerProperties, String topic) {
    this.topic = topic;
    this.properties = Map.copyOf(readerProperties(consumerProperties));
  }

  /**
   * The service's consumer properties made those of a reader in no group that assigns itself
   * partitions: nothing to join, no offsets to commit, no group ACL; committed records only, since
   * routing's producers are transactional.
   */
  public static Map<String, Object> readerProperties(Map<String, Object> consumerProperties) {
    var properties = new HashMap<>(consumerProperties);
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    // Kafka names each consumer uniquely; one name for all would clash between instances in a JVM.
    properties.remove(ConsumerConfig.CLIENT_ID_CONFIG);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Asked before routing's topics are declared, a broker that creates topics on demand would
    // make one neither compacted nor with its partitions.
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return properties;
  }

  /**
   * Reads the topic from the beginning to the end it has now, handing each record over.
   *
   * @throws IllegalStateException when it cannot be read to its end within the time
   */
  public void readToEnd(Duration within, Consumer<ConsumerRecord<String, String>> handler) {
    var reader =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    try {
      List<TopicPartition> partitions =
          reader.partitionsFor(topic, within).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      // With read_committed the end is the last stable offset: an open transaction (a dispatch
      // under way, or a dead instance's until it is fenced) is not waited for.
      var end = reader.endOffsets(partitions, within);
      long deadline = System.nanoTime() + within.toNanos();
      while (!partitions.stream().allMatch(p -> reader.position(p, within) >= end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read %s to its end within %s".formatted(topic, within));
        }
        reader.poll(POLL).forEach(record -> hand(handler, record));
      }
      noteHandled(reader, null, 0);
      consumer = reader;
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** Goes on from where {@link #readToEnd} stopped, on a daemon thread, until {@link #stop}. */
  public void follow(Consumer<ConsumerRecord<String, String>> handler) {
    var reader = consumer;
    if (reader == null) {
      throw new IllegalStateException(topic + " must be read to its end before it is followed");
    }
    following = true;
    var thread = new Thread(() -> followTheTopic(reader, handler), topic + "-follower");
    thread.setDaemon(true);
    thread.start();
    follower = thread;
  }

  public void stop() {
    following = false;
    var thread = follower;
    var reader = consumer;
    if (thread == null) {
      if (reader != null) {
        reader.close();
      }
      return;
    }
    reader.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isFollowing() {
    return following;
  }

  /**
   * Waits until a record this instance wrote has been handed over here: the change it carries is
   * then in force on this instance, as on every one that follows the topic.
   *
   * @param what the change, for the error
   * @throws IllegalStateException if that took longer than the time (the record is written all the
   *     same)
   */
  public void awaitReadBack(RecordMetadata written, Duration within, String what) {
    if (!awaitHandled(
        new TopicPartition(written.topic(), written.partition()), written.offset(), within)) {
      throw new IllegalStateException(
          "%s written to %s (offset %d) but not yet read back by this instance"
              .formatted(what, written.topic(), written.offset()));
    }
  }

  /**
   * Waits until the record at this offset has been handed over here.
   *
   * @return false if that took longer than the time, or the topic is no longer followed
   */
  public boolean awaitHandled(TopicPartition partition, long offset, Duration within) {
    return await(within, () -> handled.getOrDefault(partition, -1L) > offset);
  }

  /**
   * Waits until every record committed before this call has been handed over here: the follower
   * takes the topic's end after the call and reads up to it.
   *
   * @return false if that took longer than the time, or the topic is no longer followed
   */
  public boolean awaitCaughtUp(Duration within) {
    long asked;
    synchronized (progress) {
      asked = ++catchUpsAsked;
    }
    return await(
        within,
        () ->
            catchUpsAnswered >= asked
                && endWhenAsked.entrySet().stream()
                    .allMatch(end -> handled.getOrDefault(end.getKey(), -1L) >= end.getValue()));
  }

  private boolean await(Duration within, BooleanSupplier done) {
    long deadline = System.nanoTime() + within.toNanos();
    synchronized (progress) {
      while (!done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !following) {
          return false;
        }
        try {
          progress.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private void followTheTopic(
      KafkaConsumer<String, String> reader, Consumer<ConsumerRecord<String, String>> handler) {
    try {
      while (following) {
        long asked;
        synchronized (progress) {
          asked = catchUpsAsked > catchUpsAnswered ? catchUpsAsked : 0;
        }
        try {
          // Taken before the poll: whatever was committed when a caller asked lies below it.
          var end = asked > 0 ? reader.endOffsets(reader.assignment(), END_WITHIN) : null;
          reader.poll(POLL).forEach(record -> hand(handler, record));
          noteHandled(reader, end, asked);
        } catch (RetriableException brokerMoving) {
          // A broker dying or a leader moving (a timeout while the cluster elects another): the
          // consumer finds the new leader by itself; stopping here would end following for good.
          log.warn("following {} paused: {}; trying again", topic, brokerMoving.toString());
        }
      }
    } catch (WakeupException e) {
      // stop()
    } catch (RuntimeException e) {
      // Nothing written there any more would reach this instance: say so where operators look.
      log.error(
          "routing stopped following {}; what is written there no longer reaches it", topic, e);
    } finally {
      following = false;
      reader.close();
      synchronized (progress) {
        progress.notifyAll();
      }
    }
  }

  /** A record the handler fails on is logged and passed over: the next one may well do. */
  private void hand(
      Consumer<ConsumerRecord<String, String>> handler, ConsumerRecord<String, String> record) {
    try {
      handler.accept(record);
    } catch (RuntimeException e) {
      log.error(
          "{} partition {} offset {} (key {}) could not be handled and is passed over",
          topic,
          record.partition(),
          record.offset(),
          record.key(),
          e);
    }
  }

  private void noteHandled(
      KafkaConsumer<String, String> reader, Map<TopicPartition, Long> end, long asked) {
    var positions = new HashMap<TopicPartition, Long>();
    reader.assignment().forEach(p -> positions.put(p, reader.position(p)));
    synchronized (progress) {
      handled.putAll(positions);
      if (end != null) {
        endWhenAsked = end;
        catchUpsAnswered = asked;
      }
      progress.notifyAll();
    }
  }
}
