package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.kafka.streams.DeadLetteringProcessingExceptionHandler;

/**
 * Dead-letters a record {@link ContractCheck} found {@linkplain ContractViolation breaking the
 * contract} exactly as an unreadable one is: its original bytes to {@code <topic>-dlt}, same
 * partition, through the shared {@code DeadLetterTopicResolver} (which counts it), the reason in
 * the {@code kafka_dlt-exception-message} header and the record's own timestamp type in {@code
 * kafka_dlt-original-timestamp-type}, inside the exactly-once transaction; the next record goes on.
 * Any other exception is a bug or an outage, not the record's fault: it stops the stream thread
 * rather than throw the record away. Configured by class name ({@code
 * processing.exception.handler}), hence public.
 */
public class ContractViolationHandler extends DeadLetteringProcessingExceptionHandler {

  @Override
  protected boolean isTheRecordsFault(Exception exception) {
    return exception instanceof ContractViolation;
  }
}
