package cn.gov.xining.hotline.intake.callers;

import cn.gov.xining.hotline.contract.HotlineTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases callers' personal data once the city's retention has passed: the encrypted number and name
 * and the keyed hash of a ticket's caller are deleted, and with them the only way back to the
 * person (events carry the masked number only, the appeal's own numbers masked). The ticket, its
 * words and its history stay, for the reports.
 */
@Component
@EnableConfigurationProperties(CallerErasure.Properties.class)
public class CallerErasure {

  /**
   * @param retention how long a caller's number and name are kept after the ticket was received
   * @param interval how often expired ones are looked for
   */
  @ConfigurationProperties("hotline.intake.privacy.erasure")
  public record Properties(
      @DefaultValue("730d") Duration retention, @DefaultValue("1h") Duration interval) {}

  private static final Logger log = LoggerFactory.getLogger(CallerErasure.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Properties properties;
  private final Counter erased;

  CallerErasure(JdbcClient jdbc, Clock clock, Properties properties, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.erased =
        Counter.builder("hotline.intake.callers.erased")
            .description("callers' numbers and names deleted once their retention had passed")
            .register(meters);
  }

  @Scheduled(
      initialDelayString = "${hotline.intake.privacy.erasure.interval:1h}",
      fixedDelayString = "${hotline.intake.privacy.erasure.interval:1h}")
  void eraseExpired() {
    eraseReceivedBefore(HotlineTime.now(clock).minus(properties.retention()));
  }

  /** Deletes the callers of tickets received before the cut-off; returns how many. */
  public int eraseReceivedBefore(OffsetDateTime cutOff) {
    int count =
        jdbc.sql("DELETE FROM ticket_caller WHERE received_at < :cutOff")
            .param("cutOff", cutOff)
            .update();
    if (count > 0) {
      erased.increment(count);
      log.info("erased the callers of {} tickets received before {}", count, cutOff);
    }
    return count;
  }
}
