package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketReturned;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.EventSerdes;
import cn.gov.xining.hotline.kafka.TopicDeclarations;
import java.util.ArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics routing writes (it is their single writer, so it declares them), the topic it reads
 * (declared identically by intake, its writer; declaring it here too makes start-up order
 * irrelevant) with its dead-letter topic, and how it reads received tickets.
 */
@Configuration(proxyBeanMethods = false)
class RoutingKafkaConfiguration {

  @Bean
  KafkaAdmin.NewTopics routingTopics(TopicDeclarations topics, Catalog catalog) {
    var declared = new ArrayList<NewTopic>();
    declared.add(topics.eventTopic(Topics.ROUTING_DECISIONS));
    declared.add(topics.compactedTopic(Topics.TICKETS_TRIAGE));
    declared.add(topics.compactedTopic(Topics.ROUTING_EXAMPLES));
    declared.add(topics.compactedTopic(Topics.ROUTING_MODELS));
    declared.add(topics.compactedTopic(Topics.ROUTING_RULES));
    declared.add(topics.eventTopic(Topics.TICKETS_RECEIVED));
    declared.add(topics.eventTopic(Topics.TICKETS_RETURNED));
    declared.add(topics.deadLetterTopicOf(Topics.TICKETS_RETURNED));
    declared.add(topics.deadLetterTopicOf(Topics.TICKETS_RECEIVED));
    for (Catalog.Unit unit : catalog.assignableUnits()) {
      declared.add(topics.eventTopic(Topics.assignmentsOf(unit.code())));
    }
    return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
  }

  /**
   * Returned tickets are read like received ones — a poll at a time, in the same kind of
   * transaction, with the same error handling — only their value type differs.
   */
  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  ConcurrentKafkaListenerContainerFactory<Object, Object> returnedTicketListenerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, KafkaProperties kafka) {
    var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
    ConsumerFactory consumers =
        new DefaultKafkaConsumerFactory<>(
            kafka.buildConsumerProperties(),
            new StringDeserializer(),
            EventSerdes.valueDeserializer(TicketReturned.class));
    configurer.configure(factory, consumers);
    return factory;
  }

  @Bean
  @SuppressWarnings("unchecked")
  DefaultKafkaConsumerFactoryCustomizer receivedTicketDeserializer() {
    return factory -> {
      var tickets = (DefaultKafkaConsumerFactory<String, TicketReceived>) factory;
      tickets.setKeyDeserializer(new StringDeserializer());
      tickets.setValueDeserializer(EventSerdes.valueDeserializer(TicketReceived.class));
    };
  }
}
