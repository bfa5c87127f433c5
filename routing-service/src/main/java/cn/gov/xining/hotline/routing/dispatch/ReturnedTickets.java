package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReturned;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.RecordTracing;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.District;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Routed;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Units;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Why;
import cn.gov.xining.hotline.routing.decisions.RoutingPolicy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * Routes a returned ticket (退回) again: the rules decide the topic as before, and the ticket goes to
 * the first of that topic's units — lead unit, then assisting units — that has not sent it back,
 * with a time limit that starts again now. When every candidate has sent it back, it goes to the
 * triage staff with the whole ticket. Like the dispatcher, one Kafka transaction per poll.
 */
@Component
class ReturnedTickets {

  private final RoutingPolicy policy;
  private final DecisionPublisher publisher;
  private final KafkaTemplate<String, Object> kafka;
  private final ConsumerRecordRecoverer deadLetters;
  private final Clock clock;
  private final RecordTracing tracing;

  ReturnedTickets(
      RoutingPolicy policy,
      DecisionPublisher publisher,
      KafkaTemplate<String, Object> kafka,
      ConsumerRecordRecoverer deadLetters,
      Clock clock,
      RecordTracing tracing) {
    this.tracing = tracing;
    this.policy = policy;
    this.publisher = publisher;
    this.kafka = kafka;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  @KafkaListener(
      id = "returned-tickets",
      topics = Topics.TICKETS_RETURNED,
      containerFactory = "returnedTicketListenerFactory",
      batch = "true")
  void routeAgain(List<ConsumerRecord<String, TicketReturned>> records) {
    for (var record : records) {
      tracing.within(record, "returned-tickets", () -> routeAgain(record));
    }
  }

  private void routeAgain(ConsumerRecord<String, TicketReturned> record) {
    try {
      var returned = readable(record);
      var now = HotlineTime.now(clock);
      publisher.publish(kafka, returned.ticket(), nextCandidate(returned, now), now);
    } catch (RuntimeException unroutable) {
      deadLetters.accept(record, unroutable);
    }
  }

  RoutingDecision nextCandidate(TicketReturned returned, OffsetDateTime now) {
    // A returned ticket goes to another unit; it is never linked to an open ticket again.
    var fresh = policy.decide(returned.ticket().receivedAgainAt(now).repeating(null));
    var excluded = returned.excludedUnits();
    String district = fresh.districtCode();
    var candidates = new ArrayList<String>();
    if (fresh.outcome() == RoutingOutcome.TRANSFER) {
      candidates.add(fresh.primaryUnit());
      candidates.addAll(fresh.assistingUnits());
    }
    var eligible =
        candidates.stream()
            .map(unit -> district == null ? unit : Catalog.resolveTarget(unit, district))
            .filter(unit -> !Catalog.DISTRICT_TARGET.equals(unit))
            .filter(unit -> !Catalog.HOTLINE_UNIT.equals(unit))
            .filter(unit -> !excluded.contains(unit))
            .distinct()
            .toList();
    // A distinct rule id per return, so each new decision has an event id of its own.
    String ruleId = "returned-" + excluded.size();
    String returnedBy =
        "「%s」退回（%s）".formatted(returned.returnedBy(), Objects.toString(returned.reason(), "未说明原因"));
    if (eligible.isEmpty()) {
      return RoutingDecision.triage(
          routed(
              fresh,
              district,
              ruleId,
              returnedBy + "，候选单位均已退回，转人工派单 (every candidate unit sent it back)"),
          Units.NONE);
    }
    String next = eligible.get(0);
    return RoutingDecision.transfer(
        routed(fresh, district, ruleId, returnedBy + "，改由「%s」办理；办理时限重新计算".formatted(next)),
        new Units(next, eligible.subList(1, eligible.size())),
        fresh.dueAt());
  }

  /** The fresh decision's topic, priority and words, under the return's rule id and reason. */
  private static Routed routed(
      RoutingDecision fresh, String district, String ruleId, String reason) {
    return new Routed(
        fresh.topicCode(),
        new District(district, fresh.districtExplanation()),
        fresh.priority(),
        new Why(ruleId, fresh.ruleSetVersion(), reason, fresh.wordsHit()));
  }

  private static TicketReturned readable(ConsumerRecord<String, TicketReturned> record) {
    if (record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null
        || record.value() == null
        || record.value().ticket() == null
        || record.value().ticket().ticketNumber() == null) {
      throw new UnroutableTicketException("the record is not a readable TicketReturned");
    }
    return record.value();
  }
}
