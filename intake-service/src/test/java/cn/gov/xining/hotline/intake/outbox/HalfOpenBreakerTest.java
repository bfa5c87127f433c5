package cn.gov.xining.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The broker breaker lets a few trial sends through when half-open and decides once they have all
 * reported back. A trial that never reports back must not keep it there for good: with no
 * permission left, every ticket would be queued and none relayed until intake was restarted.
 */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=127.0.0.1:1",
      "spring.kafka.admin.auto-create=false",
      "spring.kafka.listener.auto-startup=false",
      "spring.kafka.producer.properties.delivery.timeout.ms=1000",
      "spring.kafka.producer.properties.request.timeout.ms=500",
      "hotline.intake.outbox.publish-wait=1s",
      "hotline.intake.outbox.breaker.open-for=1s",
      "hotline.intake.outbox.relay-interval=1h",
      "spring.datasource.url=jdbc:h2:mem:intake-half-open;DB_CLOSE_DELAY=-1"
    })
class HalfOpenBreakerTest {

  @Autowired CircuitBreaker brokerBreaker;

  @Test
  void trialsThatNeverReportBackDoNotKeepTheBreakerHalfOpen() {
    brokerBreaker.transitionToOpenState();
    brokerBreaker.transitionToHalfOpenState();
    // Taken and never settled, as an interrupted send or a failed database call could leave them.
    int trials = brokerBreaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState();
    for (int i = 0; i < trials; i++) {
      assertThat(brokerBreaker.tryAcquirePermission()).isTrue();
    }
    assertThat(brokerBreaker.tryAcquirePermission()).as("no trial left").isFalse();
    assertThat(brokerBreaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);

    // Lease (delivery timeout + 2 s) plus the publish wait, then open for 1 s: about 5 s.
    await("a fresh trial permission")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(brokerBreaker::tryAcquirePermission);
    brokerBreaker.releasePermission();
  }
}
