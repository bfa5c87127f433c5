package cn.gov.xining.hotline.reporting.audit;

import cn.gov.xining.hotline.contract.AuditEntry;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads a span of {@code audit-trail} on demand: each partition from the first offset at or after
 * the start (the broker's time index) up to its end as of the request, without a consumer group, so
 * reading it commits nothing and changes nothing.
 */
@Component
class AuditTrailReader {

  private final Map<String, Object> config;

  AuditTrailReader(KafkaProperties kafka) {
    this.config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
  }

  List<AuditEntry> read(Instant from, Instant until, Predicate<AuditEntry> wanted, int limit) {
    var found = new ArrayList<AuditEntry>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      var partitions =
          consumer.partitionsFor(Topics.AUDIT_TRAIL, Duration.ofSeconds(10)).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      var ends = consumer.endOffsets(partitions);
      var query = new HashMap<TopicPartition, Long>();
      partitions.forEach(partition -> query.put(partition, from.toEpochMilli()));
      var starts = consumer.offsetsForTimes(query);
      var remaining = new HashSet<TopicPartition>();
      for (var partition : partitions) {
        var start = starts.get(partition);
        if (start != null && start.offset() < ends.get(partition)) {
          consumer.seek(partition, start.offset());
          remaining.add(partition);
        }
      }
      consumer.assign(remaining);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!remaining.isEmpty() && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (record.timestamp() >= until.toEpochMilli() || record.value() == null) {
            continue;
          }
          var entry = entry(record.value());
          if (entry != null && wanted.test(entry)) {
            found.add(entry);
          }
        }
        // A partition is done at the end it had when the request came (read_committed may skip
        // past it over a transaction marker).
        remaining.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
        consumer.assign(remaining);
      }
    }
    found.sort(Comparator.comparing(AuditEntry::at));
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
  }

  /** An entry, or null for a record that is not one (it is skipped, not a failed request). */
  private static AuditEntry entry(String json) {
    try {
      return EventJson.MAPPER.readValue(json, AuditEntry.class);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
