package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.AssignmentRole;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketAssigned;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.TicketTriaged;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import cn.gov.xining.hotline.routing.decisions.RoutingPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Routes each received ticket. The sends join the listener container's Kafka transaction, so the
 * decision, the assignments and the consumed offset are committed together or not at all.
 */
@Component
class TicketDispatcher {

  private final RoutingPolicy policy;
  private final KafkaTemplate<String, Object> kafka;
  private final Clock clock;
  private final MeterRegistry meters;

  TicketDispatcher(
      RoutingPolicy policy,
      KafkaTemplate<String, Object> kafka,
      Clock clock,
      MeterRegistry meters) {
    this.policy = policy;
    this.kafka = kafka;
    this.clock = clock;
    this.meters = meters;
  }

  @KafkaListener(id = "ticket-dispatcher", topics = Topics.TICKETS_RECEIVED)
  void dispatch(TicketReceived ticket) {
    if (ticket.ticketNumber() == null || ticket.receivedAt() == null) {
      throw new IllegalArgumentException("a received ticket needs a number and a time received");
    }
    var decision = policy.decide(ticket);
    var routedAt = HotlineTime.now(clock);
    var routed = routed(ticket, decision, routedAt);
    kafka.send(Topics.ROUTING_DECISIONS, ticket.ticketNumber(), routed);
    switch (decision.outcome()) {
      case TRANSFER -> assign(ticket, decision, routedAt);
      case TRIAGE ->
          kafka.send(
              Topics.TICKETS_TRIAGE, ticket.ticketNumber(), new TicketTriaged(ticket, routed));
      case DIRECT -> {
        // The hotline has already answered; there is nobody to hand the ticket to.
      }
    }
    meters
        .counter(
            "hotline.routing.decisions",
            "outcome",
            decision.outcome().name(),
            "unit",
            decision.primaryUnit() == null ? "none" : decision.primaryUnit())
        .increment();
  }

  private void assign(TicketReceived ticket, RoutingDecision decision, OffsetDateTime routedAt) {
    kafka.send(
        Topics.assignmentsOf(decision.primaryUnit()),
        ticket.ticketNumber(),
        assignment(ticket, decision, decision.primaryUnit(), AssignmentRole.PRIMARY, routedAt));
    for (String unit : decision.assistingUnits()) {
      if (Catalog.DISTRICT_TARGET.equals(unit)) {
        continue; // the district is unknown; a person names the district government later
      }
      kafka.send(
          Topics.assignmentsOf(unit),
          ticket.ticketNumber(),
          assignment(ticket, decision, unit, AssignmentRole.ASSISTING, routedAt));
    }
  }

  private static TicketRouted routed(
      TicketReceived ticket, RoutingDecision decision, OffsetDateTime routedAt) {
    return new TicketRouted(
        stableId("routed", ticket.ticketNumber()),
        ticket.ticketNumber(),
        ticket.receivedAt(),
        routedAt,
        ticket.channel(),
        decision.outcome(),
        decision.topicCode(),
        decision.districtCode(),
        decision.primaryUnit(),
        decision.assistingUnits(),
        decision.ruleId(),
        decision.ruleSetVersion(),
        decision.reason(),
        decision.dueAt(),
        decision.priority());
  }

  private static TicketAssigned assignment(
      TicketReceived ticket,
      RoutingDecision decision,
      String unit,
      AssignmentRole role,
      OffsetDateTime routedAt) {
    return new TicketAssigned(
        stableId("assigned:" + unit, ticket.ticketNumber()),
        ticket.ticketNumber(),
        unit,
        role,
        decision.primaryUnit(),
        decision.assistingUnits(),
        decision.topicCode(),
        decision.districtCode(),
        ticket.channel(),
        ticket.appealType(),
        ticket.content(),
        ticket.address(),
        ticket.receivedAt(),
        routedAt,
        decision.dueAt(),
        decision.priority());
  }

  /** Derived from the ticket number, so a consumer can recognise the same event seen twice. */
  private static UUID stableId(String kind, String ticketNumber) {
    return UUID.nameUUIDFromBytes((kind + ":" + ticketNumber).getBytes(StandardCharsets.UTF_8));
  }
}
