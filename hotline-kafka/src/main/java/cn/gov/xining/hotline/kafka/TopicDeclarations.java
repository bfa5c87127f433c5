package cn.gov.xining.hotline.kafka;

import cn.gov.xining.hotline.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Builds the topics a service declares. The writer of a topic declares it; a consumer declares the
 * dead-letter topic of what it consumes.
 */
public class TopicDeclarations {

  private final HotlineKafkaProperties properties;

  public TopicDeclarations(HotlineKafkaProperties properties) {
    this.properties = properties;
  }

  public NewTopic eventTopic(String name) {
    return TopicBuilder.name(name)
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .config(
            TopicConfig.RETENTION_MS_CONFIG, retentionMs(properties.eventRetention().toMillis()))
        .build();
  }

  /**
   * A topic that holds the latest record per key (a work queue whose done items are deleted by a
   * tombstone, or a table), not a history.
   */
  public NewTopic compactedTopic(String name) {
    return TopicBuilder.name(name)
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .compact()
        .build();
  }

  public NewTopic deadLetterTopicOf(String consumedTopic) {
    return TopicBuilder.name(Topics.deadLetterOf(consumedTopic))
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .config(
            TopicConfig.RETENTION_MS_CONFIG,
            retentionMs(properties.deadLetterRetention().toMillis()))
        .build();
  }

  private static String retentionMs(long millis) {
    return Long.toString(millis < 0 ? -1 : millis);
  }
}
