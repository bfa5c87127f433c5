package cn.gov.xining.hotline.routing.learning;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.compacted.FollowedTopic;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest example per ticket: read from {@code routing-examples} to its end at start ({@link
 * ActiveVersionRestore}), before any version is rebuilt from them, and followed from there on; the
 * topic is the state, this map only its cache.
 */
@Component
class DispatchedExamples {

  private static final Logger log = LoggerFactory.getLogger(DispatchedExamples.class);

  private final Map<String, DispatchedExample> latest = new ConcurrentHashMap<>();
  private final FollowedTopic topic;

  /**
   * @param consumers Spring Boot's consumer factory: its properties hold the broker as connected (a
   *     service connection in tests included) and the login
   */
  DispatchedExamples(ConsumerFactory<?, ?> consumers) {
    this.topic = new FollowedTopic(consumers.getConfigurationProperties(), Topics.ROUTING_EXAMPLES);
  }

  /**
   * Reads the topic to its end, then follows it.
   *
   * @throws IllegalStateException when it cannot be read to its end within the time
   */
  void start(Duration within) {
    topic.readToEnd(within, this::read);
    topic.follow(this::read);
  }

  void stop() {
    topic.stop();
  }

  /**
   * Waits until every example committed before this call is here: a version trained on another
   * instance names examples that instance had read, which this one may not have yet.
   */
  boolean awaitCaughtUp(Duration within) {
    return topic.awaitCaughtUp(within);
  }

  /** Every example, oldest first. */
  List<DispatchedExample> all() {
    return latest.values().stream()
        .sorted(
            Comparator.comparing(DispatchedExample::at)
                .thenComparing(DispatchedExample::ticketNumber))
        .toList();
  }

  /** The latest example of a ticket, if it has one. */
  Optional<DispatchedExample> of(String ticketNumber) {
    return Optional.ofNullable(latest.get(ticketNumber));
  }

  private void read(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      latest.remove(record.key());
      return;
    }
    try {
      latest.put(record.key(), EventJson.MAPPER.readValue(record.value(), DispatchedExample.class));
    } catch (RuntimeException e) {
      // Routing is the only writer; a record it cannot read is someone else's, not state.
      log.warn(
          "{} partition {} offset {}: not a dispatched example, left out ({})",
          Topics.ROUTING_EXAMPLES,
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }
}
