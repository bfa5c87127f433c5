package cn.gov.xining.hotline.contract;

/** What the hotline itself decides about a ticket in handling. */
public enum HotlineActionKind {
  /** The unit's extension request is granted: the time limit becomes the one asked for. */
  EXTENSION_GRANTED,
  /** The unit's extension request is refused: the time limit stands. */
  EXTENSION_REFUSED,
  /** 审核通过: the unit's result is accepted. */
  REVIEW_APPROVED,
  /** 重办: the result is sent back to the unit, with a reason. */
  REVIEW_SENT_BACK,
  /** 回访: the citizen was called back. */
  CALLBACK
}
