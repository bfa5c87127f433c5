package cn.gov.xining.hotline.routing.triage;

import cn.gov.xining.hotline.contract.TicketTriaged;
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
 * The backlog reader's own container factory: it reads {@code TicketTriaged} rather than received
 * tickets, keeps no group offsets (it always rebuilds from the beginning) and takes no part in
 * routing's transactions.
 */
@Configuration(proxyBeanMethods = false)
class TriageKafkaConfiguration {

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, TicketTriaged> triageListenerFactory(
      KafkaProperties kafka) {
    var properties = new HashMap<>(kafka.buildConsumerProperties());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var consumers =
        new DefaultKafkaConsumerFactory<>(
            properties,
            new StringDeserializer(),
            EventSerdes.valueDeserializer(TicketTriaged.class));
    var factory = new ConcurrentKafkaListenerContainerFactory<String, TicketTriaged>();
    factory.setConsumerFactory(consumers);
    // Never acknowledged, so never committed: nothing is left behind for the throw-away group.
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
    return factory;
  }
}
