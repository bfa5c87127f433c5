package cn.gov.xining.hotline.intake.history;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows routing's decisions so that an operator (and an Open311 client) sees where a ticket went:
 * answered directly, transferred to which unit by when, or waiting for triage. A decision read
 * twice is recorded once (by its event id).
 */
@Component
class RoutingProgressListener {

  private final TicketHistory history;
  private final Catalog catalog;

  RoutingProgressListener(TicketHistory history, Catalog catalog) {
    this.history = history;
    this.catalog = catalog;
  }

  @KafkaListener(
      id = "intake-routing-progress",
      groupId = "intake-ticket-status",
      topics = Topics.ROUTING_DECISIONS,
      containerFactory = "routingDecisionListenerFactory")
  void onDecision(TicketRouted decision) {
    var status =
        switch (decision.outcome()) {
          case DIRECT -> TicketStatus.ANSWERED_DIRECTLY;
          case TRANSFER -> TicketStatus.TRANSFERRED;
          case TRIAGE -> TicketStatus.IN_TRIAGE;
        };
    boolean transferred = status == TicketStatus.TRANSFERRED;
    history.changed(
        decision.ticketNumber(),
        status,
        decision.routedAt(),
        detail(decision),
        decision.eventId().toString(),
        transferred || status == TicketStatus.ANSWERED_DIRECTLY ? decision.primaryUnit() : null,
        transferred ? decision.dueAt() : null);
  }

  private String detail(TicketRouted decision) {
    return switch (decision.outcome()) {
      case DIRECT -> decision.reason();
      case TRIAGE -> decision.reason();
      case TRANSFER ->
          "转交%s办理，办理时限%s (%s)"
              .formatted(
                  unitName(decision.primaryUnit()),
                  decision.dueAt() == null ? "未定" : decision.dueAt().toString(),
                  decision.reason());
    };
  }

  private String unitName(String code) {
    return catalog.unit(code).map(Catalog.Unit::name).orElse(code);
  }
}
