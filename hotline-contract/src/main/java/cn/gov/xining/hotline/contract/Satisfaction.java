package cn.gov.xining.hotline.contract;

/** The citizen's verdict at the callback (回访). */
public enum Satisfaction {
  /** 满意. */
  SATISFIED,
  /** 基本满意. */
  BASICALLY_SATISFIED,
  /** 不满意. */
  NOT_SATISFIED
}
