package cn.gov.xining.hotline.contract;

/** The part a unit plays in handling a ticket. */
public enum AssignmentRole {
  /** 主办: leads the handling and reports the result. */
  PRIMARY,
  /** 协办: assists the lead unit. */
  ASSISTING
}
