package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.Satisfaction;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What handling-service's lifecycle says about one ticket, folded event by event: enough to count
 * completion, time limits, returns, re-handling and callbacks for the day the ticket was received.
 * What a unit did is kept per unit, because a returned ticket passes through several units and each
 * is assessed on its own part.
 *
 * @param primaryUnit the lead unit now, or the last one if every unit sent it back
 * @param openedAt when the current unit got it (the start of the time limit in force)
 * @param resolvedAt the latest resolution (for a repeat appeal, when its case's result was shared
 *     with it); null if none
 * @param resolvedOnTime whether the latest resolution came within the time limit in force
 * @param overdue whether the time limit in force has passed while the ticket was open
 * @param returnedBy every unit that sent it back
 * @param signedBy every unit that signed for it (签收), in order
 * @param signedOnTimeBy those of them that signed within {@link #SIGN_FOR_WITHIN} of getting it
 * @param rehandledBy every unit whose result was sent back in review or re-opened after a 不满意
 *     callback (重办)
 * @param callbacks callbacks made, reached or not
 * @param reached whether any callback reached the citizen
 * @param verdictUnit the lead unit when the latest reached callback was made: the unit it judged
 * @param solved for the latest reached callback
 * @param satisfaction for the latest reached callback
 */
record HandlingFacts(
    CaseStatus status,
    String primaryUnit,
    OffsetDateTime openedAt,
    OffsetDateTime dueAt,
    OffsetDateTime resolvedAt,
    boolean resolvedOnTime,
    boolean overdue,
    List<String> returnedBy,
    List<String> signedBy,
    List<String> signedOnTimeBy,
    List<String> rehandledBy,
    int callbacks,
    boolean reached,
    String verdictUnit,
    Boolean solved,
    Satisfaction satisfaction) {

  /** 签收: a unit that signs for a ticket within this time of getting it has responded in time. */
  static final Duration SIGN_FOR_WITHIN = Duration.ofHours(24);

  HandlingFacts {
    returnedBy = returnedBy == null ? List.of() : List.copyOf(returnedBy);
    signedBy = signedBy == null ? List.of() : List.copyOf(signedBy);
    signedOnTimeBy = signedOnTimeBy == null ? List.of() : List.copyOf(signedOnTimeBy);
    rehandledBy = rehandledBy == null ? List.of() : List.copyOf(rehandledBy);
  }

  static HandlingFacts none() {
    return new HandlingFacts(
        null, null, null, null, null, false, false, null, null, null, null, 0, false, null, null,
        null);
  }

  /** Resolved and not sent back or re-opened since. */
  boolean completed() {
    return status == CaseStatus.RESOLVED
        || status == CaseStatus.APPROVED
        || status == CaseStatus.CLOSED;
  }

  HandlingFacts with(CaseEvent event) {
    if (event.kind() == null
        || event.status() == null
        || event.kind() == CaseEventKind.REFUSED
        || event.kind() == CaseEventKind.APPEAL_LINKED) {
      // A refusal changes nothing; nor does a repeat appeal joining the case (重复件): it is counted
      // as an appeal of its own, and leaves the open ticket's status and units as they were.
      return this;
    }
    var primary = event.primaryUnit() != null ? event.primaryUnit() : primaryUnit;
    var openedAt = this.openedAt;
    var resolvedAt = this.resolvedAt;
    var resolvedOnTime = this.resolvedOnTime;
    var overdue = this.overdue;
    var signedBy = this.signedBy;
    var signedOnTimeBy = this.signedOnTimeBy;
    var rehandledBy = this.rehandledBy;
    var callbacks = this.callbacks;
    var reached = this.reached;
    var verdictUnit = this.verdictUnit;
    var solved = this.solved;
    var satisfaction = this.satisfaction;
    switch (event.kind()) {
      case OPENED -> {
        openedAt = event.at();
        overdue = false;
      }
      case ACCEPTED -> {
        // Kept per unit: a unit that signed and then returned the ticket still signed for it.
        signedBy = including(signedBy, primary);
        if (openedAt != null && !event.at().isAfter(openedAt.plus(SIGN_FOR_WITHIN))) {
          signedOnTimeBy = including(signedOnTimeBy, primary);
        }
      }
      // A repeat appeal's answer is its case's result, shared with it once the review approved it.
      case RESOLVED, RESULT_SHARED -> {
        resolvedAt = event.at();
        resolvedOnTime = event.dueAt() == null || !event.at().isAfter(event.dueAt());
      }
      case OVERDUE -> overdue = true;
      case EXTENSION_GRANTED -> overdue = false;
      case SENT_BACK, REOPENED -> rehandledBy = including(rehandledBy, primary);
      case CALLBACK_RECORDED -> {
        callbacks++;
        // A call that does not reach the citizen says nothing about the result: an earlier
        // verdict stands.
        if (Boolean.TRUE.equals(event.reached())) {
          reached = true;
          verdictUnit = primary;
          solved = event.solved();
          satisfaction = event.satisfaction();
        }
      }
      default -> {
        // the status, the units and the returns below say it all; for a repeat appeal's LINKED,
        // the lead unit of the case it joined
      }
    }
    return new HandlingFacts(
        event.status(),
        primary,
        openedAt,
        event.dueAt() != null ? event.dueAt() : dueAt,
        resolvedAt,
        resolvedOnTime,
        overdue,
        event.excludedUnits(),
        signedBy,
        signedOnTimeBy,
        rehandledBy,
        callbacks,
        reached,
        verdictUnit,
        solved,
        satisfaction);
  }

  private static List<String> including(List<String> units, String unit) {
    if (unit == null || units.contains(unit)) {
      return units;
    }
    var more = new ArrayList<>(units);
    more.add(unit);
    return more;
  }
}
