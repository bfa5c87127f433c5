package cn.gov.xining.hotline.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the services create their topics.
 *
 * @param partitions partitions of every event topic and its dead-letter topic (a dead-letter record
 *     keeps its partition, so the two must match)
 * @param replicationFactor 1 for the single local broker; 3 in a production cluster
 * @param eventRetention how long event topics keep records; negative keeps them forever, which
 *     reporting relies on to rebuild its figures from the beginning
 * @param deadLetterRetention how long dead letters stay for someone to look at
 */
@ConfigurationProperties("hotline.kafka")
public record HotlineKafkaProperties(
    @DefaultValue("3") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("-1ms") Duration eventRetention,
    @DefaultValue("30d") Duration deadLetterRetention) {}
