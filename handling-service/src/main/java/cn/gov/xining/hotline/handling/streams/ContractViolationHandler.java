package cn.gov.xining.hotline.handling.streams;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.api.Record;
import org.springframework.kafka.streams.RecoveringProcessingExceptionHandler;

/**
 * Dead-letters a record the processor found {@linkplain ContractViolation breaking the contract}
 * exactly as an unreadable one is: its original bytes to {@code <topic>-dlt}, same partition,
 * through the shared {@code DeadLetterTopicResolver} (which counts it), the reason in the {@code
 * kafka_dlt-exception-message} header, inside the exactly-once transaction; the next record goes
 * on. Any other exception is a bug or an outage, not the record's fault: it stops the stream thread
 * rather than throw the record away. Configured by class name ({@code
 * processing.exception.handler}), hence public.
 */
public class ContractViolationHandler extends RecoveringProcessingExceptionHandler {

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    return exception instanceof ContractViolation
        ? super.handleError(context, record, exception)
        : Response.fail();
  }
}
