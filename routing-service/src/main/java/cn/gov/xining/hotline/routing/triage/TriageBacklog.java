package cn.gov.xining.hotline.routing.triage;

import cn.gov.xining.hotline.contract.TicketTriaged;
import cn.gov.xining.hotline.contract.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * Tickets waiting for a triage operator. The topic is the state: every instance reads all of it
 * from the beginning, so this map is only a cache of the latest record per ticket; a tombstone
 * means the ticket was dispatched.
 */
@Component
public class TriageBacklog {

  private final Map<String, TicketTriaged> waiting = new ConcurrentHashMap<>();

  TriageBacklog(MeterRegistry meters) {
    Gauge.builder("hotline.triage.backlog", waiting, Map::size)
        .description("tickets waiting for a triage operator")
        .register(meters);
  }

  // A fresh group each start, reading from the earliest offset and never committing: the view is
  // rebuilt from the topic every time, whatever another instance has read.
  @KafkaListener(
      id = "triage-backlog",
      containerFactory = "triageListenerFactory",
      topics = Topics.TICKETS_TRIAGE,
      groupId = "routing-triage-view-#{T(java.util.UUID).randomUUID()}")
  void onTriageRecord(ConsumerRecord<String, TicketTriaged> record) {
    if (record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
      return; // not written by routing, the only writer; nothing to show a triage operator
    }
    if (record.value() == null) {
      waiting.remove(record.key());
    } else {
      waiting.put(record.key(), record.value());
    }
  }

  /** Takes a ticket off the backlog for one dispatch; empty if it is not (or no longer) waiting. */
  Optional<TicketTriaged> claim(String ticketNumber) {
    return Optional.ofNullable(waiting.remove(ticketNumber));
  }

  /** Puts back a ticket whose dispatch failed. */
  void release(TicketTriaged triaged) {
    waiting.putIfAbsent(triaged.ticket().ticketNumber(), triaged);
  }

  /** Oldest first: the order a triage operator works in. */
  public List<TicketTriaged> waiting() {
    return waiting.values().stream()
        .sorted(Comparator.comparing(t -> t.ticket().receivedAt()))
        .toList();
  }
}
