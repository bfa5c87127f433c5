package cn.gov.xining.hotline.intake.numbering;

import cn.gov.xining.hotline.contract.Topics;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The tail of each partition of {@code tickets-received} (keys only) says the highest sequence a
 * node issued on a day.
 */
@Component
class PublishedNumbersOnKafka implements PublishedNumbers {

  private static final Logger log = LoggerFactory.getLogger(PublishedNumbersOnKafka.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
  private static final Pattern NUMBER = Pattern.compile("(\\d{6})-(\\d{2})-(\\d{4,9})");

  /**
   * Records read back per partition: the outbox may publish an older number after a newer one, but
   * never more than a few blocks apart.
   */
  private static final int TAIL = 2000;

  private static final Duration WITHIN = Duration.ofSeconds(5);

  private final KafkaProperties kafka;

  PublishedNumbersOnKafka(KafkaProperties kafka) {
    this.kafka = kafka;
  }

  /**
   * The highest sequence of the day and node on the topic; empty when there is none, or when the
   * broker cannot be read within a few seconds (intake takes tickets without Kafka; routing then
   * refuses a number it has seen with other content, loudly).
   */
  @Override
  public OptionalLong highest(LocalDate day, int node) {
    String prefix = "%s-%02d".formatted(DAY.format(day), node);
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group, no commits
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "intake-published-numbers");
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WITHIN.toMillis());
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.TICKETS_RECEIVED, WITHIN).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WITHIN);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, WITHIN);
      long highest = -1;
      for (TopicPartition partition : partitions) {
        long end = ends.get(partition);
        consumer.seek(partition, Math.max(begins.get(partition), end - TAIL));
      }
      long deadline = System.nanoTime() + WITHIN.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, WITHIN) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new KafkaException("tickets-received not read within " + WITHIN);
        }
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          var number = record.key() == null ? null : NUMBER.matcher(record.key());
          if (number != null
              && number.matches()
              && record.key().startsWith(prefix)
              && Long.parseLong(number.group(3)) > highest) {
            highest = Long.parseLong(number.group(3));
          }
        }
      }
      return highest < 0 ? OptionalLong.empty() : OptionalLong.of(highest);
    } catch (KafkaException e) {
      log.warn(
          "could not read the numbers already published on {} ({}); numbering goes on from"
              + " intake's database",
          Topics.TICKETS_RECEIVED,
          e.toString());
      return OptionalLong.empty();
    }
  }
}
