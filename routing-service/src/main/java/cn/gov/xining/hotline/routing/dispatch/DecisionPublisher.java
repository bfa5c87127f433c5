package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.AssignmentRole;
import cn.gov.xining.hotline.contract.TicketAssigned;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.TicketTriaged;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * Publishes a decision: the decision itself (with the {@link TicketDigest} of its ticket in a
 * header), then the assignments (lead and assisting units, each on its own topic) or the triage
 * record. An assignment carries what a unit needs to act and no more: never the caller's number,
 * masked or hashed (with the hash key, a masked mobile number is found in 10,000 tries). The caller
 * provides the operations of a Kafka transaction, so everything is committed together or not at
 * all.
 */
@Component
public class DecisionPublisher {

  private static final Logger log = LoggerFactory.getLogger(DecisionPublisher.class);

  private final MeterRegistry meters;

  DecisionPublisher(MeterRegistry meters) {
    this.meters = meters;
  }

  public TicketRouted publish(
      KafkaOperations<String, Object> kafka,
      TicketReceived ticket,
      RoutingDecision decision,
      OffsetDateTime routedAt) {
    var routed = routed(ticket, decision, routedAt);
    // One line per decision: with the trace id Spring adds, a ticket can be followed from
    // intake's request through routing into handling.
    log.info(
        "ticket {} {} -> {} (rule {}, due {})",
        ticket.ticketNumber(),
        decision.outcome(),
        decision.primaryUnit() == null ? "-" : decision.primaryUnit(),
        decision.ruleId(),
        routed.dueAt() == null ? "-" : routed.dueAt());
    // The digest travels with the decision so that, read back after a restart, the number still
    // tells a re-sent ticket from another appeal under it (DecidedTickets).
    kafka.send(
        new ProducerRecord<>(
            Topics.ROUTING_DECISIONS,
            null,
            ticket.ticketNumber(),
            routed,
            List.of(TicketDigest.header(TicketDigest.of(ticket)))));
    switch (decision.outcome()) {
      case TRANSFER -> {
        kafka.send(
            Topics.assignmentsOf(decision.primaryUnit()),
            ticket.ticketNumber(),
            assignment(ticket, decision, decision.primaryUnit(), AssignmentRole.PRIMARY, routedAt));
        for (String unit : decision.assistingUnits()) {
          if (Catalog.DISTRICT_TARGET.equals(unit)) {
            continue; // the district is unknown; the lead unit involves the right government
          }
          kafka.send(
              Topics.assignmentsOf(unit),
              ticket.ticketNumber(),
              assignment(ticket, decision, unit, AssignmentRole.ASSISTING, routedAt));
        }
      }
      case TRIAGE ->
          kafka.send(
              Topics.TICKETS_TRIAGE, ticket.ticketNumber(), new TicketTriaged(ticket, routed));
      case DIRECT -> {
        // The hotline has already answered; there is nobody to hand the ticket to.
      }
      case LINKED -> {
        // The unit already has the case; handling adds this appeal to it (routing-decisions).
      }
    }
    meters
        .counter(
            "hotline.routing.decisions",
            "outcome",
            decision.outcome().name(),
            "rule",
            decision.ruleId(),
            "unit",
            decision.primaryUnit() == null ? "none" : decision.primaryUnit())
        .increment();
    return routed;
  }

  private static TicketRouted routed(
      TicketReceived ticket, RoutingDecision decision, OffsetDateTime routedAt) {
    return new TicketRouted(
        stableId("routed:" + decision.ruleId(), ticket.ticketNumber()),
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
        decision.priority(),
        decision.wordsHit(),
        decision.repeatOf());
  }

  private static TicketAssigned assignment(
      TicketReceived ticket,
      RoutingDecision decision,
      String unit,
      AssignmentRole role,
      OffsetDateTime routedAt) {
    return new TicketAssigned(
        // By rule as well: a unit that assisted and leads after a return gets a new assignment.
        stableId("assigned:" + unit + ":" + role + ":" + decision.ruleId(), ticket.ticketNumber()),
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
