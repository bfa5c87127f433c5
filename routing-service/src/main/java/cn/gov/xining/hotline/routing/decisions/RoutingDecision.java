package cn.gov.xining.hotline.routing.decisions;

import cn.gov.xining.hotline.contract.RoutingOutcome;
import java.util.List;

/**
 * What routing decided for one ticket and why.
 *
 * @param primaryUnit lead unit code; {@code hotline} for direct handling; null for triage
 * @param assistingUnits co-handling unit codes, never containing the primary unit
 * @param ruleId the rule that decided
 * @param ruleSetVersion the version of the rules in force
 * @param reason the explanation in words an operator understands
 */
public record RoutingDecision(
    RoutingOutcome outcome,
    String topicCode,
    String districtCode,
    String primaryUnit,
    List<String> assistingUnits,
    String ruleId,
    String ruleSetVersion,
    String reason) {

  public RoutingDecision {
    assistingUnits = List.copyOf(assistingUnits);
  }

  static RoutingDecision triage(
      String topicCode, String districtCode, String ruleId, String ruleSetVersion, String reason) {
    return new RoutingDecision(
        RoutingOutcome.TRIAGE,
        topicCode,
        districtCode,
        null,
        List.of(),
        ruleId,
        ruleSetVersion,
        reason);
  }
}
