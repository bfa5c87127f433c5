package cn.gov.xining.hotline.intake.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publishWait how long the operator's request waits for Kafka's acknowledgement before it
 *     answers with the ticket queued in the outbox
 * @param relayInterval how often the relay looks for tickets Kafka has not acknowledged
 * @param relayBatch how many tickets the relay sends at once
 * @param breaker when to stop trying the broker, and when to try again
 */
@ConfigurationProperties("hotline.intake.outbox")
public record OutboxProperties(
    @DefaultValue("2s") Duration publishWait,
    @DefaultValue("500ms") Duration relayInterval,
    @DefaultValue("500") int relayBatch,
    @DefaultValue Breaker breaker) {

  /**
   * @param failureRateThreshold percentage of failed or slow sends that opens the breaker
   * @param slidingWindow how many recent sends the rate is taken over
   * @param minimumCalls sends needed before the rate counts
   * @param openFor how long the breaker stays open before a few trial sends
   * @param trialCalls how many trial sends decide whether to close again
   */
  public record Breaker(
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("20") int slidingWindow,
      @DefaultValue("5") int minimumCalls,
      @DefaultValue("5s") Duration openFor,
      @DefaultValue("2") int trialCalls) {}
}
