package cn.gov.xining.hotline.routing.learning;

import cn.gov.xining.hotline.kafka.EventSerdes;
import java.util.HashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The examples reader's container factory: committed examples only (a dispatch that failed left
 * none), no group offsets (it always rebuilds from the beginning), no part in transactions.
 */
@Configuration(proxyBeanMethods = false)
class LearningKafkaConfiguration {

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, DispatchedExample> learningListenerFactory(
      KafkaProperties kafka) {
    var properties = new HashMap<>(kafka.buildConsumerProperties());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var consumers =
        new DefaultKafkaConsumerFactory<>(
            properties,
            new StringDeserializer(),
            EventSerdes.valueDeserializer(DispatchedExample.class));
    var factory = new ConcurrentKafkaListenerContainerFactory<String, DispatchedExample>();
    factory.setConsumerFactory(consumers);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
    return factory;
  }
}
