package cn.gov.xining.hotline.kafka.streams;

import cn.gov.xining.hotline.contract.Topics;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.springframework.kafka.streams.KafkaStreamsDeadLetterDestinationResolver;

/**
 * Sends a record Kafka Streams cannot deserialize to {@code <topic>-dlt}, same partition, or to
 * {@code streams-internal-dlt} for an internal repartition topic. Kafka Streams writes it itself,
 * inside its exactly-once transaction, and carries on with the next record. Configured by class
 * name, hence public with a no-argument constructor.
 */
public class DeadLetterTopicResolver implements KafkaStreamsDeadLetterDestinationResolver {

  @Override
  public TopicPartition resolve(
      ErrorHandlerContext context, ConsumerRecord<?, ?> record, Exception exception) {
    // Kafka Streams' own repartition topics have no dead-letter topic of their own; one that was
    // never created would stall the stream thread on its metadata for ever.
    String topic =
        record.topic().endsWith("-repartition")
            ? Topics.deadLetterOf(Topics.STREAMS_INTERNAL)
            : Topics.deadLetterOf(record.topic());
    // Kafka Streams creates this class itself, so no registry can be injected; Spring Boot adds its
    // registry to the global one (management.metrics.use-global-registry, on by default).
    Metrics.counter("hotline.dead.letters", "topic", record.topic()).increment();
    return new TopicPartition(topic, record.partition());
  }
}
