package cn.gov.xining.hotline.contract;

/** What a unit reports about a ticket assigned to it. */
public enum ProgressKind {
  /** 签收: the unit has signed for the ticket; {@code by} names who. */
  ACCEPTED,
  /** 退回: not the unit's to handle; {@code returnReason} says why. */
  RETURNED,
  /** 延期: more time asked for, until {@code requestedDueAt}, with a reason in {@code text}. */
  EXTENSION_REQUESTED,
  /** A progress note in {@code text}. */
  NOTE,
  /** 办结: handled, the result in {@code text}. */
  RESOLVED
}
