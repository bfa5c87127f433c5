package cn.gov.xining.hotline.contract;

/** Where a transferred ticket stands in handling (the state diagram is in docs/api.md). */
public enum CaseStatus {
  /** 已转办: transferred, waiting for the lead unit to sign for it. */
  ASSIGNED,
  /** 已签收 / 办理中: the lead unit is handling it. */
  ACCEPTED,
  /** 已办结, 待审核: the lead unit reported its result; the hotline reviews it. */
  RESOLVED,
  /** 审核通过, 待回访: the result stands; the citizen is to be called back. */
  APPROVED,
  /** 已结案: called back; nothing left to do. */
  CLOSED,
  /** 已退回: the lead unit sent it back; waiting to be routed again. */
  RETURNED,
  /** 督办: returned again and again; a supervisor decides where it goes. */
  SUPERVISOR
}
