package cn.gov.xining.hotline.contract;

/** How the hotline disposes of a ticket. */
public enum RoutingOutcome {
  /** 直接办理: answered by the hotline itself. */
  DIRECT,
  /** 转交: transferred to a responsible unit, with assisting units. */
  TRANSFER,
  /** 人工分派: no rule could place it; a triage operator decides by hand. */
  TRIAGE
}
