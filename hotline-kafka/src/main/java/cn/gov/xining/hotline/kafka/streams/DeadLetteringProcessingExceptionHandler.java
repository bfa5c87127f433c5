package cn.gov.xining.hotline.kafka.streams;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.api.Record;
import org.springframework.kafka.streams.RecoveringProcessingExceptionHandler;

/**
 * Dead-letters a record whose processing failed through the record's own fault exactly as an
 * unreadable one is ({@link DeadLetteringDeserializationExceptionHandler}): its original bytes to
 * the topic the {@code …dlq.destination.resolver} names, same partition, inside the exactly-once
 * transaction, the cause named in {@code kafka_dlt-exception-message}, the copy bounded; the next
 * record goes on. Any other failure is a bug or an outage, not the record's fault: it stops the
 * stream thread rather than throw the record away. Spring Kafka's handler does not know the
 * original record's timestamp type ({@code NoTimestampType}); {@link TimestampTypeRecorder} noted
 * it when the record was read, and it is put back in {@code kafka_dlt-original-timestamp-type}.
 */
public abstract class DeadLetteringProcessingExceptionHandler
    extends RecoveringProcessingExceptionHandler {

  protected DeadLetteringProcessingExceptionHandler() {
    DeadLetterCopies.nameTheCause(deadLetterRecordManager);
  }

  /** Whether this failure is the record's own, so that it is dead-lettered and the next goes on. */
  protected abstract boolean isTheRecordsFault(Exception exception);

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (!isTheRecordsFault(exception)) {
      return Response.fail();
    }
    var response = super.handleError(context, record, exception);
    if (response.result() != Result.RESUME) {
      return response;
    }
    String timestampType = TimestampTypeRecorder.of(context.headers());
    return Response.resume(
        DeadLetterCopies.bounded(response.deadLetterQueueRecords(), timestampType));
  }
}
