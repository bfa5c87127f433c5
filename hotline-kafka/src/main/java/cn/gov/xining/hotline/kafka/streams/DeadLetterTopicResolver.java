package cn.gov.xining.hotline.kafka.streams;

import cn.gov.xining.hotline.contract.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.springframework.kafka.streams.KafkaStreamsDeadLetterDestinationResolver;

/**
 * Sends a record Kafka Streams cannot deserialize to {@code <topic>-dlt}, same partition. Kafka
 * Streams writes it itself, inside its exactly-once transaction, and carries on with the next
 * record. Configured by class name, hence public with a no-argument constructor.
 */
public class DeadLetterTopicResolver implements KafkaStreamsDeadLetterDestinationResolver {

  @Override
  public TopicPartition resolve(
      ErrorHandlerContext context, ConsumerRecord<?, ?> record, Exception exception) {
    return new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition());
  }
}
