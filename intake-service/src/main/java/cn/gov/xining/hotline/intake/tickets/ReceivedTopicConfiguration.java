package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** intake is the single writer of {@code tickets-received}, so it declares the topic. */
@Configuration(proxyBeanMethods = false)
class ReceivedTopicConfiguration {

  @Bean
  NewTopic ticketsReceivedTopic(TopicDeclarations topics) {
    return topics.eventTopic(Topics.TICKETS_RECEIVED);
  }
}
