package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.compacted.FollowedTopic;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The rule set shared by every routing instance through the compacted {@code routing-rules} topic
 * (one record, key {@value #KEY}): the instance that accepts a change validates it, publishes it
 * and answers once it is in force on itself; every instance follows the topic and activates what
 * arrives, in the topic's order, so all of them converge on the last set written.
 *
 * <p>At start, before the listeners decide a ticket, the topic is read to its end and its latest
 * set activated; with the topic empty the instance keeps what {@link ActiveRuleSet} started with
 * (the active file, else the shipped rules). Migration: an instance whose active file holds a set
 * put before this topic existed publishes it once, at the first start that finds the topic empty,
 * so the others follow it; if several do, the last written wins everywhere. A set that arrives but
 * does not compile here (written by an instance with a newer catalog, say) is logged as an ERROR
 * and ignored: the set in force stays.
 *
 * <p>The topic is read and followed as every instance reads routing's compacted topics ({@link
 * FollowedTopic}): whole, committed records only.
 */
@Component
public class RuleSetDistribution implements SmartLifecycle {

  static final String KEY = "active";

  /** Before the web server and the listener containers, with the model's restore. */
  static final int PHASE = 0;

  private static final Logger log = LoggerFactory.getLogger(RuleSetDistribution.class);

  /** A broker unreadable this long fails the start: deciding with stale rules is the risk. */
  private static final Duration AT_START_WITHIN = Duration.ofMinutes(2);

  /** How long a change waits to be in force here once written, before the answer says it is not. */
  private static final Duration IN_FORCE_WITHIN = Duration.ofSeconds(30);

  private final ActiveRuleSet rules;
  private final KafkaTemplate<String, Object> kafka;
  private final FollowedTopic topic;
  private final Clock clock;

  /** Changes accepted here one at a time: each is checked against the set they replace. */
  private final Object changing = new Object();

  private volatile PublishedRuleSet inForce;
  private volatile boolean running;

  /**
   * @param consumers Spring Boot's consumer factory: its properties hold the broker as connected
   *     and the login; group and offset settings are replaced here
   */
  RuleSetDistribution(
      ActiveRuleSet rules,
      KafkaTemplate<String, Object> kafka,
      ConsumerFactory<?, ?> consumers,
      Clock clock) {
    this.rules = rules;
    this.kafka = kafka;
    this.topic = new FollowedTopic(consumers.getConfigurationProperties(), Topics.ROUTING_RULES);
    this.clock = clock;
  }

  /**
   * Validates a new rule set, publishes it (acknowledged by every in-sync replica: the transaction
   * committed) and waits until this instance's follower has activated it, so that an answered
   * change survives any instance and is in force where it was answered.
   *
   * @throws InvalidRuleSetException when it does not compile or reuses the version in force
   */
  public CompiledRuleSet publish(String yaml, String changedBy) {
    synchronized (changing) {
      var compiled = rules.check(yaml);
      var record =
          new PublishedRuleSet(compiled.version(), yaml, changedBy, HotlineTime.now(clock));
      var written =
          kafka
              .executeInTransaction(
                  operations -> operations.send(Topics.ROUTING_RULES, KEY, record))
              .join()
              .getRecordMetadata();
      topic.awaitReadBack(written, IN_FORCE_WITHIN, "rule set " + compiled.version());
      return compiled;
    }
  }

  /** The published set in force here, with who changed it when; empty before the first change. */
  public Optional<PublishedRuleSet> inForce() {
    var published = inForce;
    return published != null && published.source().equals(rules.current().source())
        ? Optional.of(published)
        : Optional.empty();
  }

  @Override
  public void start() {
    var latest = new AtomicReference<ConsumerRecord<String, String>>();
    topic.readToEnd(
        AT_START_WITHIN,
        record -> {
          if (KEY.equals(record.key())) {
            latest.set(record);
          }
        });
    running = true;
    if (latest.get() != null) {
      activate(latest.get());
    } else {
      log.info(
          "{} is empty: routing rule set {} stays in force", Topics.ROUTING_RULES, rules.version());
    }
    topic.follow(
        record -> {
          if (KEY.equals(record.key())) {
            activate(record);
          }
        });
    if (latest.get() == null && rules.startedFromActiveFile()) {
      var kept = rules.current();
      log.info("publishing rule set {} of the active file for the other instances", kept.version());
      try {
        publish(kept.source(), "active file of a routing instance");
      } catch (RuntimeException e) {
        // It stays in force here; the next start, or a change over the API, tries again.
        log.error("could not publish rule set {} on {}", kept.version(), Topics.ROUTING_RULES, e);
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    topic.stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** Activates a published set if it compiles here; keeps the set in force if it does not. */
  private void activate(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return;
    }
    PublishedRuleSet published;
    try {
      published = EventJson.MAPPER.readValue(record.value(), PublishedRuleSet.class);
    } catch (RuntimeException e) {
      log.error(
          "{} offset {}: not a published rule set, ignored ({})",
          Topics.ROUTING_RULES,
          record.offset(),
          e.getMessage());
      return;
    }
    if (published.source().equals(rules.current().source())) {
      inForce = published;
      return;
    }
    try {
      rules.replace(published.source());
      inForce = published;
      log.info(
          "routing rule set {} from {} (changed by {} at {}) in force",
          published.version(),
          Topics.ROUTING_RULES,
          published.changedBy(),
          published.changedAt());
    } catch (RuntimeException e) {
      log.error(
          "routing rule set {} from {} (changed by {} at {}) cannot be activated on this instance"
              + " and is ignored; {} stays in force: {}",
          published.version(),
          Topics.ROUTING_RULES,
          published.changedBy(),
          published.changedAt(),
          rules.version(),
          e.getMessage());
    }
  }
}
