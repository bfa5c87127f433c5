package cn.gov.xining.hotline.intake.history;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.intake.outbox.Durability;
import cn.gov.xining.hotline.intake.outbox.TicketLocks;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows routing's decisions so that an operator (and an Open311 client) sees where a ticket went:
 * answered directly, transferred to which unit by when, or waiting for triage. A decision read
 * twice is recorded once (by its event id).
 */
@Component
class RoutingProgressListener {

  private final TicketHistory history;
  private final Catalog catalog;
  private final TransactionTemplate transaction;
  private final Durability durability;

  RoutingProgressListener(
      TicketHistory history,
      Catalog catalog,
      TransactionTemplate transaction,
      Durability durability) {
    this.history = history;
    this.catalog = catalog;
    this.transaction = transaction;
    this.durability = durability;
  }

  @KafkaListener(
      id = "intake-routing-progress",
      groupId = "intake-ticket-status-${hotline.intake.numbering.node:1}",
      topics = Topics.ROUTING_DECISIONS,
      containerFactory = "routingDecisionListenerFactory")
  void onDecisions(List<ConsumerRecord<String, TicketRouted>> records) {
    int unreadable = firstUnreadable(records);
    var readable = records.subList(0, unreadable < 0 ? records.size() : unreadable);
    // One transaction per poll, on disk before the offsets are committed.
    var inLockOrder = TicketLocks.inLockOrder(readable, r -> r.value().ticketNumber());
    transaction.executeWithoutResult(status -> inLockOrder.forEach(r -> record(r.value())));
    durability.awaitDurableUnhurried();
    if (unreadable >= 0) {
      // The error handler commits what came before, dead-letters this one and goes on after it.
      throw new BatchListenerFailedException(
          "not a readable routing decision", records.get(unreadable));
    }
  }

  private static int firstUnreadable(List<ConsumerRecord<String, TicketRouted>> records) {
    for (int i = 0; i < records.size(); i++) {
      var record = records.get(i);
      var decision = record.value();
      if (record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null
          || decision == null
          || decision.eventId() == null
          || decision.ticketNumber() == null
          || decision.outcome() == null
          || decision.routedAt() == null) {
        return i;
      }
    }
    return -1;
  }

  private void record(TicketRouted decision) {
    var status =
        switch (decision.outcome()) {
          case DIRECT -> TicketStatus.ANSWERED_DIRECTLY;
          case TRANSFER -> TicketStatus.TRANSFERRED;
          case TRIAGE -> TicketStatus.IN_TRIAGE;
          case LINKED -> TicketStatus.LINKED;
        };
    boolean transferred = status == TicketStatus.TRANSFERRED || status == TicketStatus.LINKED;
    boolean recorded =
        history.changed(
            decision.ticketNumber(),
            status,
            decision.routedAt(),
            detail(decision),
            decision.eventId().toString(),
            transferred || status == TicketStatus.ANSWERED_DIRECTLY ? decision.primaryUnit() : null,
            transferred ? decision.dueAt() : null);
    // Triage only proposes a topic; a transfer or a direct answer settles it.
    if (recorded && status != TicketStatus.IN_TRIAGE && decision.topicCode() != null) {
      history.topicDecided(decision.ticketNumber(), decision.topicCode());
    }
  }

  private String detail(TicketRouted decision) {
    return switch (decision.outcome()) {
      case DIRECT -> decision.reason();
      case TRIAGE, LINKED -> decision.reason();
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
