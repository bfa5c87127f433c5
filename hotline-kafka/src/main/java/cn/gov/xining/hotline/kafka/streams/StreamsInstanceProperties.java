package cn.gov.xining.hotline.kafka.streams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances of a Kafka Streams service find and ask each other.
 *
 * @param advertisedHost the host name the other instances reach this one at (a container's name on
 *     its network); when blank, {@code server.address} unless it is a wildcard, else this machine's
 *     name. The port is always the one the web server listens on.
 * @param connectTimeout how long to wait for another instance to accept a connection
 * @param readTimeout how long to wait for its answer: longer than a forwarded report takes to be
 *     published (10 s at most)
 */
@ConfigurationProperties("hotline.streams")
public record StreamsInstanceProperties(
    String advertisedHost,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("15s") Duration readTimeout) {}
