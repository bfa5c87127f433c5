package cn.gov.xining.hotline.kafka;

import cn.gov.xining.hotline.contract.EventJson;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Serializers for events. No Java type headers are written or read: departments read these topics
 * from other languages, and the topic alone says what type its records are.
 */
public final class EventSerdes {

  private EventSerdes() {}

  /**
   * Events as JSON, except {@code byte[]} which passes through untouched: that is what the
   * dead-letter recoverer sends when a record could not even be deserialized.
   */
  public static Serializer<Object> valueSerializer() {
    var json = new JacksonJsonSerializer<Object>(EventJson.MAPPER);
    json.setAddTypeInfo(false);
    return new DelegatingByTypeSerializer(
        Map.of(byte[].class, new ByteArraySerializer(), Object.class, json), true);
  }

  /**
   * A deserializer that never throws at poll time: a record that is not a valid {@code type}
   * reaches the listener container as a failure, and the error handler dead-letters it.
   */
  public static <T> Deserializer<T> valueDeserializer(Class<T> type) {
    return new ErrorHandlingDeserializer<>(jsonDeserializer(type));
  }

  /** For Kafka Streams, where the deserialization exception handler deals with poison pills. */
  public static <T> Serde<T> serde(Class<T> type) {
    var serializer = new JacksonJsonSerializer<T>(EventJson.MAPPER);
    serializer.setAddTypeInfo(false);
    return new JacksonJsonSerde<>(serializer, jsonDeserializer(type));
  }

  /**
   * {@link #serde(Class)} for records a client writes: a value over {@code maxBytes} is refused
   * unread with a {@link SerializationException} that says so, and goes where unreadable records
   * go. A JSON reader would take a record of any size the broker delivered, and a compressed batch
   * can hold records many times the broker's limit.
   */
  public static <T> Serde<T> boundedSerde(Class<T> type, int maxBytes) {
    var serde = serde(type);
    var reader = serde.deserializer();
    Deserializer<T> bounded =
        new Deserializer<>() {
          @Override
          public T deserialize(String topic, byte[] data) {
            return reader.deserialize(topic, within(topic, data, maxBytes));
          }

          @Override
          public T deserialize(String topic, Headers headers, byte[] data) {
            return reader.deserialize(topic, headers, within(topic, data, maxBytes));
          }
        };
    return Serdes.serdeFrom(serde.serializer(), bounded);
  }

  private static byte[] within(String topic, byte[] data, int maxBytes) {
    if (data != null && data.length > maxBytes) {
      throw new SerializationException(
          "记录%d字节，超过上限%d字节，未读取 (a record of %d bytes on %s, over the limit of %d: not read)"
              .formatted(data.length, maxBytes, data.length, topic, maxBytes));
    }
    return data;
  }

  private static <T> JacksonJsonDeserializer<T> jsonDeserializer(Class<T> type) {
    return new JacksonJsonDeserializer<>(type, EventJson.MAPPER, false);
  }
}
