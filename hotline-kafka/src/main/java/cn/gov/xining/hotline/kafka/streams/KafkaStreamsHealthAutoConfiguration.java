package cn.gov.xining.hotline.kafka.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** The {@code kafkaStreams} health of every service that runs Kafka Streams. */
@AutoConfiguration
@ConditionalOnClass({KafkaStreams.class, HealthIndicator.class})
@ConditionalOnBean(StreamsBuilderFactoryBean.class)
public class KafkaStreamsHealthAutoConfiguration {

  @Bean
  HealthIndicator kafkaStreams(StreamsBuilderFactoryBean streams) {
    return new StreamsHealthIndicator(streams);
  }
}
