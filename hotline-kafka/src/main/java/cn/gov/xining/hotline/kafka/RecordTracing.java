package cn.gov.xining.hotline.kafka;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Continues a record's trace inside a batch listener. Spring Kafka observes record listeners only;
 * routing reads in batches (one transaction per poll), so each record's work is observed here, as
 * Spring Kafka would: the trace comes from the record's {@code traceparent} header, log lines carry
 * its trace id, and what the work sends with an observed template carries it on.
 */
public class RecordTracing {

  /** W3C trace context and baggage, as OpenTelemetry propagates them. */
  private static final List<String> TRACE_HEADERS = List.of("traceparent", "tracestate", "baggage");

  /**
   * The W3C limit of the largest of them (baggage, 8,192 bytes): a longer one is not a trace but
   * whatever a client put there, and is not carried on to what processing writes.
   */
  static final int MAX_TRACE_HEADER_BYTES = 8_192;

  private final ObservationRegistry registry;

  public RecordTracing(ObservationRegistry registry) {
    this.registry = registry;
  }

  /** Does {@code work} in an observation of {@code record}, as listener {@code listenerId}. */
  public void within(ConsumerRecord<?, ?> record, String listenerId, Runnable work) {
    KafkaListenerObservation.LISTENER_OBSERVATION
        .observation(
            null,
            KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
            () -> new KafkaRecordReceiverContext(record, listenerId, () -> null),
            registry)
        .observe(work);
  }

  /**
   * Does {@code work} in an observation named {@code name} that continues the trace in {@code
   * headers}: for Kafka Streams processors, which Spring does not observe.
   */
  public void within(Headers headers, String name, Runnable work) {
    var context = new ReceiverContext<Headers>(RecordTracing::header);
    context.setCarrier(headers);
    Observation.createNotStarted(name, () -> context, registry).observe(work);
  }

  /**
   * The trace context in {@code headers}, to carry on to the records that processing sends; only
   * headers within the W3C size limits.
   */
  public static Headers traceOf(Headers headers) {
    var trace = new RecordHeaders();
    for (String key : TRACE_HEADERS) {
      var header = headers.lastHeader(key);
      if (header != null
          && header.value() != null
          && header.value().length <= MAX_TRACE_HEADER_BYTES) {
        trace.add(key, header.value());
      }
    }
    return trace;
  }

  private static String header(Headers headers, String key) {
    var header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
