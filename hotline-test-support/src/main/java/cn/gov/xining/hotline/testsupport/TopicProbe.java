package cn.gov.xining.hotline.testsupport;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes topics with plain Kafka clients, as a department's own system would: values are
 * raw JSON strings, and only committed records are read.
 */
public final class TopicProbe {

  private final String bootstrapServers;
  private final Map<String, Object> login;

  /** A probe of a broker that asks nobody who they are. */
  public TopicProbe(String bootstrapServers) {
    this(bootstrapServers, Map.of());
  }

  /**
   * A probe that logs in with these client properties, e.g. {@link
   * RestartableBroker#clientProperties(String)} of a unit or of {@code admin}.
   */
  public TopicProbe(String bootstrapServers, Map<String, Object> login) {
    this.bootstrapServers = bootstrapServers;
    this.login = Map.copyOf(login);
  }

  /** Every committed record currently in the topic, from the beginning. */
  public List<ConsumerRecord<String, String>> readAll(String topic) {
    var props = new Properties();
    props.putAll(login);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    var records = new ArrayList<ConsumerRecord<String, String>>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      var partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          // A partial read would let "nothing was published" pass without proving it.
          throw new IllegalStateException("could not read " + topic + " to its end in 30 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The committed records of a topic whose key is the given ticket number. */
  public List<ConsumerRecord<String, String>> recordsFor(String topic, String key) {
    Predicate<ConsumerRecord<String, String>> sameKey = r -> key.equals(r.key());
    return readAll(topic).stream().filter(sameKey).toList();
  }

  /**
   * Publishes a complaint to {@code tickets-received} as intake would (received on 31 January 2026,
   * 09:00 Xining time, by phone) and returns its ticket number, unique per call.
   */
  public String receive(String content, String address, String districtCode, String topicCode) {
    String number = "260131-99-" + UUID.randomUUID();
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            number,
            OffsetDateTime.parse("2026-01-31T09:00:00+08:00"),
            "hotline-phone",
            AppealType.COMPLAINT,
            content,
            address,
            districtCode,
            topicCode);
    sendRaw(Topics.TICKETS_RECEIVED, number, EventJson.MAPPER.writeValueAsString(ticket));
    return number;
  }

  /**
   * Sends raw text, e.g. a record that is not valid JSON, to see it dead-lettered; a null value is
   * a tombstone.
   */
  public void sendRaw(String topic, String key, String value) {
    var props = new Properties();
    props.putAll(login);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
      producer.send(new ProducerRecord<>(topic, key, bytes)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean reached(
      KafkaConsumer<String, String> consumer,
      Map<org.apache.kafka.common.TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
