package cn.gov.xining.hotline.contract;

/** How the hotline disposes of a ticket. */
public enum RoutingOutcome {
  /** 直接办理: answered by the hotline itself. */
  DIRECT,
  /** 转交: transferred to a responsible unit, with assisting units. */
  TRANSFER,
  /** 人工分派: no rule could place it; a triage operator decides by hand. */
  TRIAGE,
  /**
   * 重复件并案: the same problem as a ticket still open ({@code repeatOf}); it joins that ticket's case
   * and lead unit instead of opening a case of its own, and its citizen is called back with that
   * case's result. No assignment is sent.
   */
  LINKED
}
