package cn.gov.xining.hotline.routing.triage;

import cn.gov.xining.hotline.contract.TicketTriaged;
import cn.gov.xining.hotline.contract.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * Tickets waiting for a triage operator. The topic is the state: every instance reads all of it
 * from the beginning, so this map is only a cache of the latest record per ticket; a tombstone
 * means the ticket was dispatched. Which instance dispatches a ticket is settled on Kafka ({@link
 * DispatchTransaction}); the claim here only turns away a second dispatch on this instance early.
 */
@Component
public class TriageBacklog {

  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

  /** Claimed for a dispatch on this instance, until the topic says it was dispatched. */
  private final Set<String> dispatching = ConcurrentHashMap.newKeySet();

  TriageBacklog(MeterRegistry meters) {
    Gauge.builder("hotline.triage.backlog", waiting, Map::size)
        .description("tickets waiting for a triage operator")
        .register(meters);
  }

  /**
   * A ticket waiting in triage and where its record is: a dispatch reads on from there to learn
   * whether another instance dispatched it since.
   */
  record Waiting(TicketTriaged triaged, TopicPartition partition, long offset) {

    String ticketNumber() {
      return triaged.ticket().ticketNumber();
    }
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
      dispatching.remove(record.key());
    } else {
      waiting.put(
          record.key(),
          new Waiting(
              record.value(),
              new TopicPartition(record.topic(), record.partition()),
              record.offset()));
    }
  }

  /**
   * Claims a ticket for one dispatch on this instance.
   *
   * @throws NotInTriageException if it is not (or no longer) waiting
   * @throws DispatchConflictException if a dispatch of it is under way here
   */
  Waiting claim(String ticketNumber) {
    var ticket = waiting.get(ticketNumber);
    if (ticket == null) {
      throw new NotInTriageException(ticketNumber);
    }
    if (!dispatching.add(ticketNumber)) {
      throw DispatchConflictException.underWay(ticketNumber);
    }
    return ticket;
  }

  /**
   * Gives up the claim of a dispatch that failed. The ticket is shown again only while the topic
   * still has it waiting: the dispatch may have lost to another instance's.
   */
  void release(String ticketNumber) {
    dispatching.remove(ticketNumber);
  }

  /** Oldest first: the order a triage operator works in. Tickets being dispatched are left out. */
  public List<TicketTriaged> waiting() {
    return waiting.values().stream()
        .filter(ticket -> !dispatching.contains(ticket.ticketNumber()))
        .map(Waiting::triaged)
        .sorted(Comparator.comparing(t -> t.ticket().receivedAt()))
        .toList();
  }
}
