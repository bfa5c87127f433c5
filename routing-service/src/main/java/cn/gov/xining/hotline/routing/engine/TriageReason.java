package cn.gov.xining.hotline.routing.engine;

/**
 * Why a ticket waits for a person (转人工分派) instead of going to a unit. A triage decision carries the
 * reason's id as its {@code ruleId}: ids are published on {@code routing-decisions} and documented,
 * so they never change. The text, Chinese first and English in brackets, becomes the decision's
 * {@code reason}; where it has a leading {@code %s}, that is the deciding rule's own explanation.
 */
enum TriageReason {

  /** No rule matched and the learned fallback was not sure. */
  NO_RULE("no-rule", "没有规则能确定诉求分类，转人工分派 (no rule matched)"),

  /**
   * The operator's topic won, but a content rule places the ticket elsewhere and none supports the
   * operator's topic. Details: the operator's topic, the content's topic, the words found.
   */
  OPERATOR_CONTENT_CONFLICT(
      "operator-content-conflict",
      "接线员选择「%s」，但内容符合「%s」（%s），转人工核实 (the operator's topic conflicts with the content)"),

  /**
   * A rule would close the ticket directly (直接办理), but the model reads a unit's topic in the text,
   * not surely: a ticket is closed directly only when nothing is asked of a unit. Details: the
   * rule, its topic, the model's topic, the words that weighed most.
   */
  MAY_NEED_A_UNIT(
      "may-need-a-unit",
      "规则「%s」将其作为「%s」直接办理，但全文也像「%s」（%s），可能需要承办单位办理，转人工确认 (it may ask something of a unit)"),

  /** The deciding rule says {@code triage: true}; the decision carries that rule's own id. */
  RULE_SAYS_TRIAGE(null, "%s，按规则转人工分派 (the rule sends it to triage)"),

  /** The time limit runs past the years the working calendar covers. Detail: that day. */
  CALENDAR_NOT_COVERED(
      "calendar-not-covered",
      "%s；工作日历未覆盖%s，无法计算办理时限，转人工分派 (the working calendar does not cover it)"),

  /**
   * The lead unit is a district government and the district is unknown. Details: the topic's name,
   * how the district search ended.
   */
  DISTRICT_UNKNOWN("district-unknown", "%s；「%s」由属地办理但区县不明，转人工分派 (district needed but unknown: %s)");

  private final String id;
  private final String text;

  TriageReason(String id, String text) {
    this.id = id;
    this.text = text;
  }

  /** The {@code ruleId} to publish; only {@link #RULE_SAYS_TRIAGE} names the deciding rule. */
  String ruleId(String decidingRule) {
    return id != null ? id : decidingRule;
  }

  /** The reason in words, its blanks filled in order with the details. */
  String explain(Object... details) {
    return text.formatted(details);
  }
}
