package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Routing decided what happens to a ticket. Carries what reporting needs so that it does not have
 * to join back to the received ticket.
 *
 * @param eventId derived from the ticket number, so a repeated decision is recognisable
 * @param ticketNumber the ticket; also the record key
 * @param receivedAt when the ticket was received (reports count a ticket on that day)
 * @param routedAt when the decision was made
 * @param channel catalog channel code of the ticket
 * @param outcome direct, transfer or triage
 * @param topicCode the catalog topic the ticket was placed in; for triage the proposed one, if any
 * @param districtCode the district the ticket is located in; may be null
 * @param primaryUnit 主办单位: the lead unit code; {@code hotline} for direct handling; for triage the
 *     proposed one or null; {@code district} means "the district government, once the district is
 *     known"
 * @param assistingUnits 协办单位: co-handling unit codes, possibly empty; {@code district} as above (no
 *     assignment is sent for it)
 * @param ruleId the rule that made the decision
 * @param ruleSetVersion the version of the rule set in force
 * @param reason why, in words an operator understands
 * @param dueAt 办理时限: when handling must be finished; null for triage
 * @param priority how urgent the handling is
 * @param wordsHit the words of the deciding rule found in the content (e.g. 拖欠工资): what the ticket
 *     is mainly about, for hot-topic reports; empty when none
 * @param repeatOf for {@link RoutingOutcome#LINKED}: the open ticket whose case this appeal joins
 *     (重复件); null for every other outcome
 */
public record TicketRouted(
    UUID eventId,
    String ticketNumber,
    OffsetDateTime receivedAt,
    OffsetDateTime routedAt,
    String channel,
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
    String repeatOf) {

  public TicketRouted {
    assistingUnits = assistingUnits == null ? List.of() : List.copyOf(assistingUnits);
    priority = priority == null ? Priority.NORMAL : priority;
    wordsHit = wordsHit == null ? List.of() : List.copyOf(wordsHit);
  }

  /** A decision that links the ticket to no other. */
  public TicketRouted(
      UUID eventId,
      String ticketNumber,
      OffsetDateTime receivedAt,
      OffsetDateTime routedAt,
      String channel,
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
      List<String> wordsHit) {
    this(
        eventId,
        ticketNumber,
        receivedAt,
        routedAt,
        channel,
        outcome,
        topicCode,
        districtCode,
        primaryUnit,
        assistingUnits,
        ruleId,
        ruleSetVersion,
        reason,
        dueAt,
        priority,
        wordsHit,
        null);
  }

  /** A decision without the words that decided it. */
  public TicketRouted(
      UUID eventId,
      String ticketNumber,
      OffsetDateTime receivedAt,
      OffsetDateTime routedAt,
      String channel,
      RoutingOutcome outcome,
      String topicCode,
      String districtCode,
      String primaryUnit,
      List<String> assistingUnits,
      String ruleId,
      String ruleSetVersion,
      String reason,
      OffsetDateTime dueAt,
      Priority priority) {
    this(
        eventId,
        ticketNumber,
        receivedAt,
        routedAt,
        channel,
        outcome,
        topicCode,
        districtCode,
        primaryUnit,
        assistingUnits,
        ruleId,
        ruleSetVersion,
        reason,
        dueAt,
        priority,
        List.of(),
        null);
  }
}
