package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.TopicDeclarations;
import java.util.HashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Turns on Kafka Streams and declares the topics: the ones handling writes ({@code
 * ticket-lifecycle}; {@code ticket-progress} and {@code hotline-actions}, which units and its own
 * API write; the broker stamps reports with their arrival; {@code handling-service-case-links},
 * between repeat appeals and the cases they join) and the ones it reads, with their dead-letter
 * topics.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

  /** Each unit's own lifecycle topic, as routing declares each unit's assignments topic. */
  @Bean
  KafkaAdmin.NewTopics unitLifecycleTopics(TopicDeclarations topics, Catalog catalog) {
    return new KafkaAdmin.NewTopics(
        catalog.assignableUnits().stream()
            .map(unit -> topics.eventTopic(Topics.lifecycleOf(unit.code())))
            .toArray(NewTopic[]::new));
  }

  @Bean
  KafkaAdmin.NewTopics handlingTopics(TopicDeclarations topics) {
    return new KafkaAdmin.NewTopics(
        topics.eventTopic(Topics.TICKETS_RECEIVED),
        topics.eventTopic(Topics.TICKETS_RETURNED),
        topics.deadLetterTopicOf(Topics.TICKETS_RECEIVED),
        topics.eventTopic(Topics.ROUTING_DECISIONS),
        arrivalStamped(topics.eventTopic(Topics.TICKET_PROGRESS)),
        topics.eventTopic(Topics.HOTLINE_ACTIONS),
        topics.eventTopic(Topics.TICKET_LIFECYCLE),
        topics.deadLetterTopicOf(Topics.STREAMS_INTERNAL),
        topics.deadLetterTopicOf(Topics.ROUTING_DECISIONS),
        topics.deadLetterTopicOf(Topics.TICKET_PROGRESS),
        topics.deadLetterTopicOf(Topics.HOTLINE_ACTIONS),
        // Kept as long as the event topics: a link waiting while handling is down must not expire.
        topics.eventTopic(HandlingTopology.CASE_LINKS),
        topics.deadLetterTopicOf(HandlingTopology.CASE_LINKS));
  }

  /**
   * The broker stamps each report with the time it was appended, whatever time the unit's producer
   * set: a report is judged on when it reached the hotline (the 17:00 cut-off for extensions), and
   * that must not be the sender's to choose. {@code spring.kafka.admin.modify-topic-configs} puts
   * this on a topic created before.
   */
  private static NewTopic arrivalStamped(NewTopic topic) {
    var configs = new HashMap<>(topic.configs());
    configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
    return topic.configs(configs);
  }

  @Bean
  KafkaStreamsInteractiveQueryService interactiveQueries(StreamsBuilderFactoryBean streams) {
    return new KafkaStreamsInteractiveQueryService(streams);
  }
}
