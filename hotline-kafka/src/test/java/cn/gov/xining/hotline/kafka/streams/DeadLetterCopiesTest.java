package cn.gov.xining.hotline.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterCopiesTest {

  @Test
  void aCopyLargerThanTheBrokerWouldTakeIsCutAndSaysWhatWasCut() {
    // given a dead letter of a record that was 2 MB once decompressed, with 40 KB of headers
    var headers = new RecordHeaders();
    headers.add("kafka_dlt-exception-message", bytes("记录过大"));
    headers.add("x-client-junk", new byte[40 * 1024]);
    var deadLetter =
        new ProducerRecord<>(
            "ticket-progress-dlt", 1, null, bytes("k"), new byte[2 << 20], headers);

    // when it is bounded
    var copy = DeadLetterCopies.bounded(List.of(deadLetter), null).get(0);

    // then its value is cut to the limit, the client's headers dropped, the reason kept
    assertThat(copy.value()).hasSize(DeadLetterCopies.MAX_VALUE_BYTES);
    assertThat(copy.partition()).isEqualTo(1);
    assertThat(header(copy.headers(), "kafka_dlt-exception-message")).isEqualTo("记录过大");
    assertThat(copy.headers().lastHeader("x-client-junk")).isNull();
    assertThat(header(copy.headers(), DeadLetterCopies.TRUNCATED_HEADER))
        .isEqualTo("value 2097152 bytes, headers %d bytes".formatted(40 * 1024 + 13));
  }

  @Test
  void theOriginalRecordsTimestampTypeNotedAsItWasReadReplacesNoTimestampType() {
    // given a record of a topic the broker stamps, read through the recorder
    var read = new RecordHeaders();
    var record =
        new ConsumerRecord<Object, Object>(
            "progress-hrss",
            0,
            7L,
            1_765_000_000_000L,
            TimestampType.LOG_APPEND_TIME,
            3,
            2,
            "k",
            "{}",
            read,
            Optional.empty());
    new TimestampTypeRecorder()
        .onConsume(
            new ConsumerRecords<>(
                Map.of(new TopicPartition("progress-hrss", 0), List.of(record)), Map.of()));
    // and the dead letter Spring Kafka's processing handler made of it, which cannot know the type
    var headers = new RecordHeaders(read.toArray());
    headers.add("kafka_dlt-original-timestamp-type", bytes("NoTimestampType"));
    var deadLetter =
        new ProducerRecord<>("progress-hrss-dlt", 0, null, bytes("k"), bytes("{}"), headers);

    // when it is bounded with the type noted on the record
    var copy = DeadLetterCopies.bounded(List.of(deadLetter), TimestampTypeRecorder.of(read)).get(0);

    // then the dead letter keeps the original type, and the recorder's own header is gone
    assertThat(header(copy.headers(), "kafka_dlt-original-timestamp-type"))
        .isEqualTo("LogAppendTime");
    assertThat(copy.headers().headers("kafka_dlt-original-timestamp-type")).hasSize(1);
    assertThat(copy.headers().lastHeader(TimestampTypeRecorder.HEADER)).isNull();
    assertThat(copy.headers().lastHeader(DeadLetterCopies.TRUNCATED_HEADER)).isNull();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    assertThat(header).as(name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
