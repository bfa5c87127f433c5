package cn.gov.xining.hotline.kafka.streams;

import cn.gov.xining.hotline.kafka.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.listener.DeadLetterRecordManager;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * What the Kafka Streams dead-letter handlers share. A dead letter is written by Kafka Streams' own
 * producer inside its transaction: one larger than the broker takes would fail the transaction and
 * stop the stream thread on the same record at every restart. The record it copies may be larger
 * than the broker's limit once decompressed, or carry large headers, so the copy is bounded: the
 * value's first {@value #MAX_VALUE_BYTES} bytes, the key's first {@value #MAX_KEY_BYTES}, the
 * original headers only while they stay under {@value #MAX_ORIGINAL_HEADER_BYTES} bytes; a header
 * {@value #TRUNCATED_HEADER} says what was cut.
 */
final class DeadLetterCopies {

  static final int MAX_VALUE_BYTES = 256 * 1024;
  static final int MAX_KEY_BYTES = 1024;
  static final int MAX_ORIGINAL_HEADER_BYTES = 16 * 1024;

  /** Names what a bounded copy left out, e.g. {@code value 1048576 bytes}. */
  static final String TRUNCATED_HEADER = "hotline-dlt-truncated";

  private DeadLetterCopies() {}

  /** Dead letters whose exception headers name the root cause (see {@link DeadLetterReason}). */
  static void nameTheCause(DeadLetterRecordManager manager) {
    manager.setExceptionHeadersCreator(DeadLetterReason::addHeaders);
  }

  /**
   * The records bounded, the original timestamp type put back in its header when the handler had to
   * leave it out ({@code timestampType} null: keep what is there), the recorder's own header
   * removed.
   */
  static List<ProducerRecord<byte[], byte[]>> bounded(
      List<ProducerRecord<byte[], byte[]>> records, String timestampType) {
    return records.stream().map(record -> bounded(record, timestampType)).toList();
  }

  private static ProducerRecord<byte[], byte[]> bounded(
      ProducerRecord<byte[], byte[]> record, String timestampType) {
    var headers = new RecordHeaders(record.headers().toArray());
    headers.remove(TimestampTypeRecorder.HEADER);
    if (timestampType != null) {
      headers.remove(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE);
      headers.add(
          KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, timestampType.getBytes(StandardCharsets.UTF_8));
    }
    var cut = new StringBuilder();
    byte[] key = cut(record.key(), MAX_KEY_BYTES, "key", cut);
    byte[] value = cut(record.value(), MAX_VALUE_BYTES, "value", cut);
    int original = 0;
    for (var header : headers) {
      if (!header.key().startsWith("kafka_dlt-")) {
        original += header.key().length() + (header.value() == null ? 0 : header.value().length);
      }
    }
    if (original > MAX_ORIGINAL_HEADER_BYTES) {
      dropOriginalHeaders(headers);
      cut.append(cut.isEmpty() ? "" : ", ").append("headers ").append(original).append(" bytes");
    }
    if (!cut.isEmpty()) {
      headers.add(TRUNCATED_HEADER, cut.toString().getBytes(StandardCharsets.UTF_8));
    }
    return new ProducerRecord<>(
        record.topic(), record.partition(), record.timestamp(), key, value, headers);
  }

  private static byte[] cut(byte[] bytes, int max, String what, StringBuilder cut) {
    if (bytes == null || bytes.length <= max) {
      return bytes;
    }
    cut.append(cut.isEmpty() ? "" : ", ").append(what).append(' ').append(bytes.length);
    cut.append(" bytes");
    return Arrays.copyOf(bytes, max);
  }

  private static void dropOriginalHeaders(Headers headers) {
    for (var header : headers.toArray()) {
      if (!header.key().startsWith("kafka_dlt-")) {
        headers.remove(header.key());
      }
    }
  }
}
