package cn.gov.xining.hotline.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The dead-letter wiring, said out loud: one recoverer that publishes a failed record to {@code
 * <topic>-dlt} (same partition, with the exception in headers, its root cause named: {@link
 * DeadLetterReason}). Record listeners get an error handler and an after-rollback processor that
 * retry a failure twice, half a second apart, then dead-letter the record, so one bad record never
 * stops its partition; a record that cannot be deserialized is not retried. A service whose batch
 * listeners dead-letter records themselves (routing) declares its own error handler instead; for
 * batches the after-rollback processor only rewinds, so a failed transaction is retried from Kafka.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(HotlineKafkaProperties.class)
public class KafkaWiringAutoConfiguration {

  private static final FixedBackOff RETRY_TWICE = new FixedBackOff(500L, 2L);

  @Bean
  RecordTracing recordTracing(ObjectProvider<ObservationRegistry> observations) {
    return new RecordTracing(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }

  @Bean
  TopicDeclarations topicDeclarations(HotlineKafkaProperties properties) {
    return new TopicDeclarations(properties);
  }

  @Bean
  @SuppressWarnings("unchecked")
  DefaultKafkaProducerFactoryCustomizer eventSerializers() {
    return factory -> {
      var events = (DefaultKafkaProducerFactory<String, Object>) factory;
      events.setKeySerializer(new StringSerializer());
      events.setValueSerializer(EventSerdes.valueSerializer());
    };
  }

  @Bean
  @ConditionalOnBean(KafkaTemplate.class)
  ConsumerRecordRecoverer deadLetterRecoverer(
      KafkaTemplate<Object, Object> template, MeterRegistry meterRegistry) {
    var publisher = new DeadLetterPublishingRecoverer(template);
    // The root cause in kafka_dlt-exception-message, not "failed to deserialize" alone.
    publisher.setExceptionHeadersCreator(DeadLetterReason::addHeaders);
    return (record, exception) -> {
      meterRegistry.counter("hotline.dead.letters", "topic", record.topic()).increment();
      publisher.accept(record, exception);
    };
  }

  @Bean
  @ConditionalOnBean(KafkaTemplate.class)
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  CommonErrorHandler deadLetterErrorHandler(ConsumerRecordRecoverer deadLetterRecoverer) {
    return new DefaultErrorHandler(deadLetterRecoverer, RETRY_TWICE);
  }

  @Bean
  @ConditionalOnBean(KafkaTemplate.class)
  AfterRollbackProcessor<Object, Object> deadLetterAfterRollback(
      ConsumerRecordRecoverer deadLetterRecoverer, KafkaTemplate<Object, Object> template) {
    // With transactions the recovered record's offset is committed in a transaction of its own.
    return new DefaultAfterRollbackProcessor<>(deadLetterRecoverer, RETRY_TWICE, template, true);
  }
}
