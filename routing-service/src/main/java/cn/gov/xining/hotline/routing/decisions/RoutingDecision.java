package cn.gov.xining.hotline.routing.decisions;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What routing decided for one ticket and why. Made by {@link #direct}, {@link #transfer}, {@link
 * #triage} or {@link #linked}, one for each outcome, so a decision cannot carry what its outcome
 * does not have.
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
 * @param repeatOf for {@link RoutingOutcome#LINKED}: the open ticket whose case this one joins
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
    String districtExplanation,
    String repeatOf) {

  public RoutingDecision {
    assistingUnits = List.copyOf(assistingUnits);
    wordsHit = List.copyOf(wordsHit);
  }

  /** 区县: the district's code, null when unknown, and how it was found or why it was not. */
  public record District(String code, String explanation) {}

  /** The lead unit (主办) and the assisting ones (协办). */
  public record Units(String primary, List<String> assisting) {

    /** No unit proposed: a person chooses them all. */
    public static final Units NONE = new Units(null, List.of());

    public Units {
      assisting = List.copyOf(assisting);
    }
  }

  /** Why: the rule that decided, the rule set it belongs to, the reason, the words it found. */
  public record Why(String ruleId, String ruleSetVersion, String reason, List<String> wordsHit) {}

  /** What every decision says: the topic (null if none), the district, how urgent, and why. */
  public record Routed(String topicCode, District district, Priority priority, Why why) {}

  /** 直接办理: the hotline answers it; no other unit takes part. */
  public static RoutingDecision direct(Routed routed, OffsetDateTime dueAt) {
    return of(RoutingOutcome.DIRECT, routed, new Units(Catalog.HOTLINE_UNIT, List.of()), dueAt);
  }

  /** 转办: the lead unit handles it with the assisting units, by the due time. */
  public static RoutingDecision transfer(Routed routed, Units units, OffsetDateTime dueAt) {
    return of(RoutingOutcome.TRANSFER, routed, units, dueAt);
  }

  /**
   * 重复件并案: the same problem as an open ticket, whose case and lead unit it joins; no unit is
   * assigned anything new.
   */
  public static RoutingDecision linked(
      Routed routed, String repeatOf, String primaryUnit, OffsetDateTime dueAt) {
    return of(RoutingOutcome.LINKED, routed, new Units(primaryUnit, List.of()), dueAt, repeatOf);
  }

  /** 人工分派: a person decides; the units are only proposed, and nothing is due yet. */
  public static RoutingDecision triage(Routed routed, Units proposed) {
    return of(RoutingOutcome.TRIAGE, routed, proposed, null);
  }

  private static RoutingDecision of(
      RoutingOutcome outcome, Routed routed, Units units, OffsetDateTime dueAt) {
    return of(outcome, routed, units, dueAt, null);
  }

  private static RoutingDecision of(
      RoutingOutcome outcome, Routed routed, Units units, OffsetDateTime dueAt, String repeatOf) {
    return new RoutingDecision(
        outcome,
        routed.topicCode(),
        routed.district().code(),
        units.primary(),
        units.assisting(),
        routed.why().ruleId(),
        routed.why().ruleSetVersion(),
        routed.why().reason(),
        dueAt,
        routed.priority(),
        routed.why().wordsHit(),
        routed.district().explanation(),
        repeatOf);
  }
}
