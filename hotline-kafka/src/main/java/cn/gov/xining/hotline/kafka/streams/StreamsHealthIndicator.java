package cn.gov.xining.hotline.kafka.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * A Kafka Streams service is healthy only while Kafka Streams runs: a stream thread that died
 * leaves the REST API up but the figures (or the handling state) frozen, which must not be shown as
 * normal.
 */
public class StreamsHealthIndicator implements HealthIndicator {

  private final StreamsBuilderFactoryBean streams;

  public StreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return Health.down().withDetail("state", "NOT_STARTED").build();
    }
    var state = kafkaStreams.state();
    var health =
        switch (state) {
          case RUNNING -> Health.up();
          case CREATED, REBALANCING -> Health.outOfService();
          default -> Health.down();
        };
    return health.withDetail("state", state.name()).build();
  }
}
