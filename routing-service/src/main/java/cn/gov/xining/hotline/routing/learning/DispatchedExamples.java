package cn.gov.xining.hotline.routing.learning;

import cn.gov.xining.hotline.contract.Topics;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * The latest example per ticket, read from {@code routing-examples} from the beginning at start and
 * followed from then on; the topic is the state, this map only its cache.
 */
@Component
class DispatchedExamples {

  private final Map<String, DispatchedExample> latest = new ConcurrentHashMap<>();

  // A fresh group each start, from the earliest offset, never committing (like the triage view).
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

  /** Every example, oldest first. */
  List<DispatchedExample> all() {
    return latest.values().stream()
        .sorted(
            Comparator.comparing(DispatchedExample::at)
                .thenComparing(DispatchedExample::ticketNumber))
        .toList();
  }
}
