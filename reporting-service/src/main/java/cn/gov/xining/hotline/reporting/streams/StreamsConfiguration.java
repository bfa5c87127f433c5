package cn.gov.xining.hotline.reporting.streams;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Turns on Kafka Streams (configured in application.yml) and declares the topics reporting reads
 * and their dead-letter topics. The inputs belong to their writers, who declare them identically;
 * declaring them here too means Kafka Streams never starts against a missing source topic, whatever
 * order the services start in.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

  @Bean
  KafkaAdmin.NewTopics reportingTopics(TopicDeclarations topics) {
    return new KafkaAdmin.NewTopics(
        topics.eventTopic(Topics.TICKETS_RECEIVED),
        topics.eventTopic(Topics.ROUTING_DECISIONS),
        topics.eventTopic(Topics.TICKET_LIFECYCLE),
        topics.deadLetterTopicOf(Topics.STREAMS_INTERNAL),
        topics.deadLetterTopicOf(Topics.TICKET_LIFECYCLE),
        topics.deadLetterTopicOf(Topics.TICKETS_RECEIVED),
        topics.deadLetterTopicOf(Topics.ROUTING_DECISIONS));
  }

  @Bean
  KafkaStreamsInteractiveQueryService interactiveQueries(StreamsBuilderFactoryBean streams) {
    return new KafkaStreamsInteractiveQueryService(streams);
  }
}
