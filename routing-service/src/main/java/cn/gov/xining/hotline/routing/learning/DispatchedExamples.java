package cn.gov.xining.hotline.routing.learning;

import cn.gov.xining.hotline.contract.Topics;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * The latest example per ticket: read from {@code routing-examples} to its end at start ({@link
 * ActiveVersionRestore}), before any version is rebuilt from them, and followed from there on; the
 * topic is the state, this map only its cache.
 */
@Component
class DispatchedExamples implements ConsumerSeekAware {

  private final Map<String, DispatchedExample> latest = new ConcurrentHashMap<>();
  private volatile Map<TopicPartition, Long> readAtStart = Map.of();

  // A fresh group each start, never committing (like the triage view); it goes on from where the
  // start-up read stopped, or from the earliest offset where there was none.
  @KafkaListener(
      id = "routing-examples",
      containerFactory = "learningListenerFactory",
      topics = Topics.ROUTING_EXAMPLES,
      groupId = "routing-learning-examples-#{T(java.util.UUID).randomUUID()}")
  void onExample(ConsumerRecord<String, DispatchedExample> record) {
    if (record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
      return; // not written by routing, the only writer
    }
    if (record.value() == null) {
      latest.remove(record.key());
    } else {
      latest.put(record.key(), record.value());
    }
  }

  /** What the start read; the listener, started after it, does not read it again. */
  void readAtStart(CompactedTopic<DispatchedExample> topic) {
    topic.latest().forEach((ticket, example) -> latest.put(ticket, example.value()));
    readAtStart = topic.reached();
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    var from = readAtStart;
    assignments.keySet().stream()
        .filter(from::containsKey)
        .forEach(p -> callback.seek(p.topic(), p.partition(), from.get(p)));
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
}
