package cn.gov.xining.hotline.contract;

/** What happened to a ticket in handling. */
public enum CaseEventKind {
  OPENED,
  ACCEPTED,
  PART_ACCEPTED,
  RETURNED,
  SENT_TO_SUPERVISOR,
  EXTENSION_REQUESTED,
  EXTENSION_GRANTED,
  EXTENSION_REFUSED,
  NOTE,
  PART_RESOLVED,
  RESOLVED,
  REVIEW_APPROVED,
  SENT_BACK,
  CALLBACK_RECORDED,
  REOPENED,
  CLOSED,
  DEADLINE_WARNING,
  OVERDUE,
  /**
   * On a repeat appeal (重复件): it joined an open ticket's case; {@code detail} names that ticket.
   */
  LINKED,
  /**
   * On the open ticket: a repeat appeal joined its case; {@code detail} names the appeal and what
   * it says, so the lead unit sees every citizen who called about the problem.
   */
  APPEAL_LINKED,
  /**
   * On a repeat appeal: the case it joined was approved; the appeal now waits for its own callback.
   */
  RESULT_SHARED,
  /** A report or action that the state does not allow; {@code detail} says why. */
  REFUSED
}
