package cn.gov.xining.hotline.routing.learning;

import cn.gov.xining.hotline.contract.EventJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of routing's compacted topics read from the beginning to the end it has now, committed
 * records only, by a plain consumer in no group: what a start needs in hand before the listeners
 * begin, where a listener would only be on its way.
 *
 * @param latest the latest value per key, in the order first met; a tombstone removes its key
 * @param reached where the reading stopped, per partition: a listener goes on from there
 */
record CompactedTopic<T>(Map<String, Timestamped<T>> latest, Map<TopicPartition, Long> reached) {

  private static final Logger log = LoggerFactory.getLogger(CompactedTopic.class);

  /** A value and its record's timestamp. */
  record Timestamped<T>(T value, long timestamp) {}

  /**
   * @param consumerProperties the service's consumer properties (bootstrap servers, SASL); the
   *     group and offset settings are replaced here
   * @throws IllegalStateException when the topic cannot be read to its end within the time
   */
  static <T> CompactedTopic<T> read(
      Map<String, Object> consumerProperties, String topic, Class<T> type, Duration within) {
    var properties = new HashMap<>(consumerProperties);
    // Assigned, not subscribed: no group to join, no offsets to commit, no group ACL needed.
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Asked before routing's topics are declared, a broker that creates topics on demand would
    // make this one neither compacted nor with its partitions.
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "routing-restore-" + topic);
    long deadline = System.nanoTime() + within.toNanos();
    var latest = new LinkedHashMap<String, Timestamped<T>>();
    try (var consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, within).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // With read_committed, the end is the last stable offset: a transaction still open (a
      // dispatch under way, or a dead instance's until it is fenced) is not waited for.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, within);
      while (!partitions.stream().allMatch(p -> consumer.position(p, within) >= end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read %s to its end within %s".formatted(topic, within));
        }
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() == null) {
            latest.remove(record.key());
            continue;
          }
          try {
            latest.put(
                record.key(),
                new Timestamped<>(
                    EventJson.MAPPER.readValue(record.value(), type), record.timestamp()));
          } catch (RuntimeException e) {
            // Routing is the only writer; a record it cannot read is someone else's, not state.
            log.warn(
                "{} partition {} offset {}: not a {}, left out ({})",
                topic,
                record.partition(),
                record.offset(),
                type.getSimpleName(),
                e.getMessage());
          }
        }
      }
      var reached = new HashMap<TopicPartition, Long>();
      partitions.forEach(p -> reached.put(p, consumer.position(p, within)));
      return new CompactedTopic<>(latest, Map.copyOf(reached));
    }
  }
}
