package cn.gov.xining.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.annotation.Scheduled;

/** The outbox's settings, bound as intake binds them, under the keys operators already use. */
class OutboxPropertiesTest {

  private static OutboxProperties bound(Map<String, String> configuration) {
    return new Binder(new MapConfigurationPropertySource(configuration))
        .bindOrCreate("hotline.intake", OutboxProperties.class);
  }

  @Test
  void readsTheSendingAndTheDurabilityKeysWhereTheyHaveAlwaysBeen() {
    var properties =
        bound(
            Map.of(
                "hotline.intake.outbox.publish-wait", "1s",
                "hotline.intake.outbox.breaker.open-for", "3s",
                "hotline.intake.durability.gather", "10ms",
                "hotline.intake.durability.sync", "true"));

    assertThat(properties.outbox().publishWait()).isEqualTo(Duration.ofSeconds(1));
    assertThat(properties.outbox().breaker().openFor()).isEqualTo(Duration.ofSeconds(3));
    assertThat(properties.durability().gather()).isEqualTo(Duration.ofMillis(10));
    assertThat(properties.durability().sync()).isTrue();
    assertThat(properties.durability().patience()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void withNothingConfiguredTheDefaultsAreTheDocumentedOnes() {
    var properties = bound(Map.of());

    var sending = properties.outbox();
    assertThat(sending.publishWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(sending.relayInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(sending.relayBatch()).isEqualTo(500);
    assertThat(sending.acknowledgementInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(sending.breaker())
        .isEqualTo(new OutboxProperties.Breaker(50, 20, 5, Duration.ofSeconds(5), 2));
    assertThat(properties.durability())
        .isEqualTo(
            new OutboxProperties.Checkpoints(Duration.ofMillis(3), Duration.ofMillis(200), false));
  }

  @Test
  void theSchedulesFallBackOnTheSameDefaultsAsTheRecord() throws Exception {
    var sending = bound(Map.of()).outbox();

    assertThat(scheduleDefault(OutboxRelay.class, "relay", "relay-interval"))
        .isEqualTo(sending.relayInterval());
    assertThat(scheduleDefault(TicketOutbox.class, "flushAcknowledged", "acknowledgement-interval"))
        .isEqualTo(sending.acknowledgementInterval());
  }

  /** The default in {@code ${hotline.intake.outbox.<key>:<default>}} of a method's schedule. */
  private static Duration scheduleDefault(Class<?> type, String method, String key)
      throws NoSuchMethodException {
    var scheduled = type.getDeclaredMethod(method).getAnnotation(Scheduled.class);
    String prefix = "${hotline.intake.outbox." + key + ":";
    assertThat(scheduled.fixedDelayString()).startsWith(prefix).endsWith("}");
    assertThat(scheduled.initialDelayString()).isEqualTo(scheduled.fixedDelayString());
    String fallback = scheduled.fixedDelayString();
    return DurationStyle.detectAndParse(fallback.substring(prefix.length(), fallback.length() - 1));
  }
}
