package cn.gov.xining.hotline.intake.history;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.EventSerdes;
import cn.gov.xining.hotline.kafka.TopicDeclarations;
import java.util.HashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * How intake reads routing's decisions and handling's lifecycle: committed ones only (both are
 * written in transactions), from the beginning for a new group, a poll at a time, with the shared
 * dead-letter handling for an unreadable record.
 */
@Configuration(proxyBeanMethods = false)
class HistoryKafkaConfiguration {

  /** Where a decision intake cannot read goes (routing declares the decisions topic itself). */
  @Bean
  NewTopic routingDecisionsDeadLetterTopic(TopicDeclarations topics) {
    return topics.deadLetterTopicOf(Topics.ROUTING_DECISIONS);
  }

  /** Where an event intake cannot read goes (its writers declare the topics themselves). */
  @Bean
  NewTopic ticketLifecycleDeadLetterTopic(TopicDeclarations topics) {
    return topics.deadLetterTopicOf(Topics.TICKET_LIFECYCLE);
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, TicketRouted> routingDecisionListenerFactory(
      KafkaProperties kafka, CommonErrorHandler errorHandler) {
    return batchesOf(TicketRouted.class, kafka, errorHandler);
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, CaseEvent> caseEventListenerFactory(
      KafkaProperties kafka, CommonErrorHandler errorHandler) {
    return batchesOf(CaseEvent.class, kafka, errorHandler);
  }

  private static <T> ConcurrentKafkaListenerContainerFactory<String, T> batchesOf(
      Class<T> type, KafkaProperties kafka, CommonErrorHandler errorHandler) {
    var properties = new HashMap<>(kafka.buildConsumerProperties());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var factory = new ConcurrentKafkaListenerContainerFactory<String, T>();
    factory.setConsumerFactory(
        new DefaultKafkaConsumerFactory<>(
            properties, new StringDeserializer(), EventSerdes.valueDeserializer(type)));
    factory.setCommonErrorHandler(errorHandler);
    factory.setBatchListener(true);
    return factory;
  }
}
