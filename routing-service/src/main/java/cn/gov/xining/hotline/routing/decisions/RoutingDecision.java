package cn.gov.xining.hotline.routing.decisions;

import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What routing decided for one ticket and why.
 *
 * @param topicCode the topic; for triage the proposed one, if any
 * @param districtCode the district, as given by the operator or inferred from the address
 * @param primaryUnit lead unit code; {@code hotline} for direct handling; for triage the proposed
 *     one if any; {@code district} while the district government cannot be named
 * @param assistingUnits co-handling unit codes, never containing the primary unit; {@code district}
 *     as above
 * @param ruleId the rule that decided
 * @param ruleSetVersion the version of the rules in force
 * @param reason the explanation in words an operator understands
 * @param dueAt 办理时限; null for triage
 * @param wordsHit the words of the deciding rule found in the content
 * @param districtExplanation how the district was determined, or why it could not be
 */
public record RoutingDecision(
    RoutingOutcome outcome,
    String topicCode,
    String districtCode,
    String primaryUnit,
    List<String> assistingUnits,
    String ruleId,
    String ruleSetVersion,
    String reason,
    OffsetDateTime dueAt,
    Priority priority,
    List<String> wordsHit,
    String districtExplanation) {

  public RoutingDecision {
    assistingUnits = List.copyOf(assistingUnits);
    wordsHit = List.copyOf(wordsHit);
  }
}
