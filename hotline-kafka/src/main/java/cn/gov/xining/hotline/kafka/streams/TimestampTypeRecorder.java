package cn.gov.xining.hotline.kafka.streams;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * Notes each record's timestamp type ({@code CreateTime}, or {@code LogAppendTime} on the topics
 * the broker stamps) in a header of the record as read, for a dead letter to keep it. Kafka Streams
 * tells a processing exception handler the topic, partition, offset and timestamp of the record
 * that failed but not its timestamp type, and the records its processors see are all marked {@code
 * CreateTime}, so a dead letter would otherwise say {@code NoTimestampType}; only the consumer sees
 * the real one. {@link DeadLetteringProcessingExceptionHandler} reads it from here. A consumer
 * interceptor of the Kafka Streams main consumer ({@code main.consumer.interceptor.classes}),
 * configured by class name, hence public.
 */
public class TimestampTypeRecorder implements ConsumerInterceptor<Object, Object> {

  /** The header, on records as read only: nothing handling writes copies it. */
  public static final String HEADER = "hotline-timestamp-type";

  @Override
  public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
    for (var record : records) {
      note(record.headers(), record.timestampType().name);
    }
    return records;
  }

  /** The timestamp type noted on these headers, or null. */
  static String of(Headers headers) {
    var header = headers == null ? null : headers.lastHeader(HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void note(Headers headers, String type) {
    try {
      headers.remove(HEADER);
      headers.add(HEADER, type.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalStateException readOnly) {
      // Headers made read-only: the dead letter says NoTimestampType, nothing worse.
    }
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

  @Override
  public void close() {}

  @Override
  public void configure(Map<String, ?> configs) {}
}
