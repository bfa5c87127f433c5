package cn.gov.xining.hotline.intake.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything that tunes the outbox, under the keys it has always had: {@code
 * hotline.intake.outbox.*} for sending stored tickets, {@code hotline.intake.durability.*} for
 * making them (and intake's other answered writes) survive a killed process first.
 *
 * @param outbox how stored tickets are sent to Kafka
 * @param durability how a commit is made durable on H2 before anyone is answered
 */
@ConfigurationProperties("hotline.intake")
public record OutboxProperties(@DefaultValue Sending outbox, @DefaultValue Checkpoints durability) {

  /**
   * The two intervals are also read by key, with their defaults, by the {@code @Scheduled} methods
   * they time (an annotation reads the environment, not a bean); OutboxPropertiesTest keeps the
   * defaults equal.
   *
   * @param publishWait how long the operator's request waits for Kafka's acknowledgement before it
   *     answers with the ticket queued in the outbox
   * @param relayInterval how often the relay looks for tickets Kafka has not acknowledged
   * @param relayBatch how many tickets the relay sends at once
   * @param acknowledgementInterval how often Kafka's acknowledgements are written, in one batch
   * @param breaker when to stop trying the broker, and when to try again
   */
  public record Sending(
      @DefaultValue("2s") Duration publishWait,
      @DefaultValue("500ms") Duration relayInterval,
      @DefaultValue("500") int relayBatch,
      @DefaultValue("50ms") Duration acknowledgementInterval,
      @DefaultValue Breaker breaker) {}

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

  /**
   * H2 only (PostgreSQL's commit is durable already); see {@link Durability}.
   *
   * @param gather how long after the last checkpoint the next one waits for more commits to join
   *     it, as PostgreSQL's commit_delay does: each checkpoint writes a chunk, and fewer, larger
   *     chunks cost H2 less
   * @param patience how long work nobody waits on may wait for another's checkpoint
   * @param sync whether a checkpoint also forces the file to the device (CHECKPOINT SYNC, an fsync
   *     each): without it a killed process loses nothing, a power failure may lose the last moments
   */
  public record Checkpoints(
      @DefaultValue("3ms") Duration gather,
      @DefaultValue("200ms") Duration patience,
      @DefaultValue("false") boolean sync) {}
}
