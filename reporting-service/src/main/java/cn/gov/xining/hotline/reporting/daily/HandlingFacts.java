package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.Satisfaction;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What handling-service's lifecycle says about one ticket, folded event by event: enough to count
 * completion, time limits, returns, re-handling and callbacks for the day the ticket was received.
 *
 * @param openedAt when the current unit got it (the start of the time limit in force)
 * @param acceptedAt when the current unit signed for it; null if not yet
 * @param resolvedAt the latest resolution; null if none
 * @param resolvedOnTime whether the latest resolution came within the time limit in force
 * @param overdue whether the time limit in force has passed while the ticket was open
 * @param returnedBy every unit that sent it back
 * @param callbacks callbacks made, reached or not
 * @param reached whether the latest callback reached the citizen
 * @param solved for the latest reached callback
 * @param satisfaction for the latest reached callback
 */
record HandlingFacts(
    CaseStatus status,
    String primaryUnit,
    OffsetDateTime openedAt,
    OffsetDateTime acceptedAt,
    OffsetDateTime dueAt,
    OffsetDateTime resolvedAt,
    boolean resolvedOnTime,
    boolean overdue,
    List<String> returnedBy,
    int rehandlings,
    int callbacks,
    boolean reached,
    Boolean solved,
    Satisfaction satisfaction) {

  HandlingFacts {
    returnedBy = returnedBy == null ? List.of() : List.copyOf(returnedBy);
  }

  static HandlingFacts none() {
    return new HandlingFacts(
        null, null, null, null, null, null, false, false, List.of(), 0, 0, false, null, null);
  }

  /** Resolved and not sent back or re-opened since. */
  boolean completed() {
    return status == CaseStatus.RESOLVED
        || status == CaseStatus.APPROVED
        || status == CaseStatus.CLOSED;
  }

  HandlingFacts with(CaseEvent event) {
    if (event.kind() == null || event.status() == null || event.kind() == CaseEventKind.REFUSED) {
      return this; // a refusal changes nothing
    }
    var status = event.status();
    var primary = event.primaryUnit() != null ? event.primaryUnit() : primaryUnit;
    var openedAt = this.openedAt;
    var acceptedAt = this.acceptedAt;
    var resolvedAt = this.resolvedAt;
    var resolvedOnTime = this.resolvedOnTime;
    var overdue = this.overdue;
    var callbacks = this.callbacks;
    var reached = this.reached;
    var solved = this.solved;
    var satisfaction = this.satisfaction;
    switch (event.kind()) {
      case OPENED -> {
        openedAt = event.at();
        acceptedAt = null;
        overdue = false;
      }
      case ACCEPTED -> acceptedAt = acceptedAt == null ? event.at() : acceptedAt;
      case RESOLVED -> {
        resolvedAt = event.at();
        resolvedOnTime = event.dueAt() == null || !event.at().isAfter(event.dueAt());
      }
      case OVERDUE -> overdue = true;
      case EXTENSION_GRANTED -> overdue = false;
      case CALLBACK_RECORDED -> {
        callbacks++;
        reached = Boolean.TRUE.equals(event.reached());
        if (reached) {
          solved = event.solved();
          satisfaction = event.satisfaction();
        }
      }
      default -> {
        // the status, the units and the counts below say it all
      }
    }
    return new HandlingFacts(
        status,
        primary,
        openedAt,
        acceptedAt,
        event.dueAt() != null ? event.dueAt() : dueAt,
        resolvedAt,
        resolvedOnTime,
        overdue,
        event.excludedUnits(),
        event.rehandlings(),
        callbacks,
        reached,
        solved,
        satisfaction);
  }
}
