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
  /** A report or action that the state does not allow; {@code detail} says why. */
  REFUSED
}
