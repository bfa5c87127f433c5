package cn.gov.xining.hotline.intake.history;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
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
 * Follows handling-service's lifecycle, so that an operator (and an Open311 client: closed once
 * called back) sees a transferred ticket signed for, returned, resolved and closed, with the time
 * limit in force. Refusals, notes and warnings stay in handling's own history.
 */
@Component
class HandlingProgressListener {

  private final TicketHistory history;
  private final TransactionTemplate transaction;
  private final Durability durability;

  HandlingProgressListener(
      TicketHistory history, TransactionTemplate transaction, Durability durability) {
    this.history = history;
    this.transaction = transaction;
    this.durability = durability;
  }

  @KafkaListener(
      id = "intake-handling-progress",
      groupId = "intake-ticket-status-${hotline.intake.numbering.node:1}",
      topics = Topics.TICKET_LIFECYCLE,
      containerFactory = "caseEventListenerFactory")
  void onCaseEvents(List<ConsumerRecord<String, CaseEvent>> records) {
    int unreadable = -1;
    for (int i = 0; i < records.size() && unreadable < 0; i++) {
      var record = records.get(i);
      var event = record.value();
      if (record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null
          || event == null
          || event.eventId() == null
          || event.ticketNumber() == null
          || event.kind() == null
          || event.at() == null) {
        unreadable = i;
      }
    }
    var readable = records.subList(0, unreadable < 0 ? records.size() : unreadable);
    var inLockOrder = TicketLocks.inLockOrder(readable, r -> r.value().ticketNumber());
    transaction.executeWithoutResult(status -> inLockOrder.forEach(r -> record(r.value())));
    durability.awaitDurableUnhurried();
    if (unreadable >= 0) {
      throw new BatchListenerFailedException(
          "not a readable lifecycle event", records.get(unreadable));
    }
  }

  private void record(CaseEvent event) {
    var status =
        event.kind() == CaseEventKind.OPENED && event.returns() > 0
            ? TicketStatus.REASSIGNED // the first opening is routing's TRANSFERRED already
            : statusAfter(event.kind());
    if (status == null) {
      return;
    }
    history.changed(
        event.ticketNumber(),
        status,
        event.at(),
        event.detail(),
        event.eventId().toString(),
        event.primaryUnit(),
        event.dueAt());
  }

  private static TicketStatus statusAfter(CaseEventKind kind) {
    return switch (kind) {
      case ACCEPTED, SENT_BACK, REOPENED -> TicketStatus.IN_HANDLING;
      case RETURNED, SENT_TO_SUPERVISOR -> TicketStatus.RETURNED;
      // A repeat appeal's shared result: the open ticket's unit has finished; its callback follows.
      case RESOLVED, RESULT_SHARED -> TicketStatus.RESOLVED;
      case CLOSED -> TicketStatus.CLOSED;
      default -> null;
    };
  }
}
