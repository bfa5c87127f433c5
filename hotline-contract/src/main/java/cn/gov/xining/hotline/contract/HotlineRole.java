package cn.gov.xining.hotline.contract;

/**
 * What a signed-in person or system may do, carried in the access token's {@value
 * HotlineClaims#ROLES} claim. The city's identity provider issues these names; each service decides
 * by them which endpoints a caller reaches.
 */
public enum HotlineRole {
  /** 接线员: posts tickets, reads the tickets of a call, looks up a caller's open tickets. */
  OPERATOR,
  /** A channel's system (WeChat, portals, Open311 apps): posts tickets for its own channel only. */
  GATEWAY,
  /** 派单员: the triage queue and manual dispatch. */
  DISPATCHER,
  /** 审核/回访: reviews results, calls citizens back, grants or refuses extensions. */
  REVIEWER,
  /** A department or district government, its staff or its system: its own cases only. */
  UNIT,
  /** Reports, bulletins, CSV and the dashboard. */
  MANAGER,
  /** Reads and changes the routing rules. */
  RULES_ADMIN,
  /** Metrics, health details, dead-letter topics. */
  OPERATIONS,
  /** Reads the audit trail. */
  AUDITOR
}
