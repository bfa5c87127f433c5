package cn.gov.xining.hotline.intake.outbox;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The broker's circuit breaker, the relay's schedule, durability and the outbox's metrics. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxConfiguration {

  /** Published as {@code resilience4j.circuitbreaker.state{name="kafka-broker"}}. */
  @Bean
  CircuitBreaker brokerBreaker(
      OutboxProperties properties, KafkaProperties kafkaProperties, MeterRegistry meters) {
    var sending = properties.outbox();
    var breaker = sending.breaker();
    var config =
        CircuitBreakerConfig.custom()
            .failureRateThreshold(breaker.failureRateThreshold())
            .slowCallRateThreshold(breaker.failureRateThreshold())
            .slowCallDurationThreshold(sending.publishWait())
            .slidingWindowSize(breaker.slidingWindow())
            .minimumNumberOfCalls(breaker.minimumCalls())
            .waitDurationInOpenState(breaker.openFor())
            .permittedNumberOfCallsInHalfOpenState(breaker.trialCalls())
            // Half-open is reached by time, not by the next caller, so the relay's next round
            // tries the broker even when no operator is posting.
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            // Every trial settles within a lease (the relay) or the publish wait (an operator). A
            // trial that never reports back, whatever the reason, would otherwise keep the breaker
            // half-open with no permission left: every ticket queued and none relayed, for good.
            .maxWaitDurationInHalfOpenState(
                TicketOutbox.leaseFor(kafkaProperties).plus(sending.publishWait()))
            .build();
    var registry = CircuitBreakerRegistry.of(config);
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    return registry.circuitBreaker("kafka-broker");
  }

  @Bean
  Durability durability(
      JdbcClient jdbc, DataSource dataSource, OutboxProperties properties, MeterRegistry meters)
      throws SQLException {
    return new Durability(jdbc, dataSource, properties.durability(), meters);
  }

  @Bean
  Gauge outboxBacklog(TicketOutbox outbox, MeterRegistry meters) {
    return Gauge.builder("hotline.intake.outbox.backlog", outbox, TicketOutbox::backlog)
        .description("tickets stored and not yet acknowledged by Kafka")
        .register(meters);
  }
}
