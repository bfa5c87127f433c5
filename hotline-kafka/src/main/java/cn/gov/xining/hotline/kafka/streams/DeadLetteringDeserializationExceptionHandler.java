package cn.gov.xining.hotline.kafka.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Spring Kafka's handler for records Kafka Streams cannot read, sending each to the dead-letter
 * topic its {@code …dlq.destination.resolver} names ({@link DeadLetterTopicResolver}) inside the
 * exactly-once transaction, with two corrections: the {@code kafka_dlt-exception-message} header
 * names the root cause (the field and what was wrong, see {@code DeadLetterReason}), and the copy
 * is bounded so that it cannot itself be too large to write ({@link DeadLetterCopies}). The
 * original record's timestamp type is its own here ({@code kafka_dlt-original-timestamp-type}).
 * Configured by class name ({@code default.deserialization.exception.handler}), hence public.
 */
public class DeadLetteringDeserializationExceptionHandler
    extends RecoveringDeserializationExceptionHandler {

  public DeadLetteringDeserializationExceptionHandler() {
    DeadLetterCopies.nameTheCause(deadLetterRecordManager);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    var response = super.handleError(context, record, exception);
    return response.result() == Result.RESUME
        ? Response.resume(DeadLetterCopies.bounded(response.deadLetterQueueRecords(), null))
        : response;
  }
}
