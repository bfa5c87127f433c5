package cn.gov.xining.hotline.kafka;

import cn.gov.xining.hotline.contract.EventJson;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
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

  private static <T> JacksonJsonDeserializer<T> jsonDeserializer(Class<T> type) {
    return new JacksonJsonDeserializer<>(type, EventJson.MAPPER, false);
  }
}
