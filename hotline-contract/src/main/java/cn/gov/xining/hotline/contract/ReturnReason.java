package cn.gov.xining.hotline.contract;

/** Why a unit sends a ticket back (退回). */
public enum ReturnReason {
  /** 非本单位职责. */
  NOT_OUR_DUTY,
  /** 不属本辖区. */
  WRONG_DISTRICT,
  /** 重复件. */
  DUPLICATE
}
