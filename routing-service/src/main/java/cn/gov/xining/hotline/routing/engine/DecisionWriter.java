package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.OpenTicket;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.District;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Routed;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Units;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Why;
import cn.gov.xining.hotline.routing.districts.DistrictMatch;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The one place where the router's outcome for a ticket becomes a {@link RoutingDecision}, with its
 * reason in words an operator understands: the deciding rule, the words it found, and what followed
 * from it. One writer per ticket, holding what every decision about it repeats: the rule-set
 * version and the district.
 */
final class DecisionWriter {

  /** The {@code ruleId} of a ticket the operator answered on the call; published and documented. */
  static final String ANSWERED_ON_CALL = "answered-on-call";

  /** The {@code ruleId} of a repeat appeal that joined an open ticket's case; documented. */
  static final String REPEAT_APPEAL = "repeat-appeal";

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TicketReceived ticket;
  private final String ruleSetVersion;
  private final DistrictMatch district;
  private final Catalog catalog;

  DecisionWriter(
      TicketReceived ticket, String ruleSetVersion, DistrictMatch district, Catalog catalog) {
    this.ticket = ticket;
    this.ruleSetVersion = ruleSetVersion;
    this.district = district;
    this.catalog = catalog;
  }

  /** 直接办理 on the call: due at once; the proposal, if any, only names the topic. */
  RoutingDecision answeredOnCall(Optional<Proposal> proposal) {
    var why = why(ANSWERED_ON_CALL, "接线员已当场答复，热线直接办理 (answered on the call)", List.of());
    return RoutingDecision.direct(
        routed(proposal.map(Proposal::topicCode).orElse(null), Priority.NORMAL, why),
        ticket.receivedAt());
  }

  RoutingDecision noRule() {
    var reason = TriageReason.NO_RULE;
    return RoutingDecision.triage(
        routed(null, Priority.NORMAL, why(reason.ruleId(null), reason.explain(), List.of())),
        Units.NONE);
  }

  /** A rule would close it directly, but the text may ask something of a unit: a person decides. */
  RoutingDecision mayNeedAUnit(ModelStep.Doubt doubt) {
    var reason = TriageReason.MAY_NEED_A_UNIT;
    String text =
        reason.explain(
            doubt.byRule().ruleId(),
            topicName(doubt.byRule().topicCode()),
            topicName(doubt.guess().topic()),
            String.join("、", doubt.guess().evidence()));
    return RoutingDecision.triage(
        routed(
            doubt.guess().topic(),
            Priority.NORMAL,
            why(reason.ruleId(null), text, doubt.guess().evidence())),
        Units.NONE);
  }

  RoutingDecision contradiction(OperatorChoice.Contradiction contradiction) {
    var reason = TriageReason.OPERATOR_CONTENT_CONFLICT;
    String text =
        reason.explain(
            topicName(contradiction.operatorTopic()),
            topicName(contradiction.contentTopic()),
            String.join("、", contradiction.wordsHit()));
    return RoutingDecision.triage(
        routed(null, Priority.NORMAL, why(reason.ruleId(null), text, contradiction.wordsHit())),
        Units.NONE);
  }

  RoutingDecision ruleSaysTriage(Route route, Units proposed) {
    return triage(TriageReason.RULE_SAYS_TRIAGE, route, proposed, ruleText(route));
  }

  RoutingDecision calendarNotCovered(Route route, Units proposed, LocalDate uncoveredDay) {
    return triage(
        TriageReason.CALENDAR_NOT_COVERED, route, proposed, ruleText(route), uncoveredDay);
  }

  RoutingDecision districtUnknown(Route route, Units proposed) {
    return triage(
        TriageReason.DISTRICT_UNKNOWN,
        route,
        proposed,
        ruleText(route),
        route.topic().name(),
        district.explanation());
  }

  /** 直接办理 by the route: the hotline answers it by the due time. */
  RoutingDecision direct(Route route, OffsetDateTime dueAt) {
    String text =
        ruleText(route) + "；「%s」由热线直接办理 (answered by the hotline)".formatted(route.topic().name());
    return RoutingDecision.direct(routed(route, text), dueAt);
  }

  /** 转办: to the lead unit with the assisting ones, saying where and by when. */
  /**
   * 重复件: the same topic as the open ticket intake found at the same place; the appeal joins its
   * case, its lead unit and its time limit.
   */
  RoutingDecision linked(Route route, OpenTicket open) {
    String text =
        "重复件：与在办工单%s同属「%s」、地点相同，并入该工单，由「%s」办理，办结后一并回访（%s）"
            .formatted(
                open.ticketNumber(),
                route.topic().name(),
                unitName(open.primaryUnit()),
                ruleText(route));
    var why = why(REPEAT_APPEAL, text, route.wordsHit());
    return RoutingDecision.linked(
        routed(route.topic().code(), route.priority(), why),
        open.ticketNumber(),
        open.primaryUnit(),
        open.dueAt());
  }

  RoutingDecision transfer(Route route, Units units, OffsetDateTime dueAt) {
    String districtText =
        district.known()
            ? "；区县：" + district.explanation()
            : units.assisting().contains(Catalog.DISTRICT_TARGET)
                ? "；协办区县待定：" + district.explanation()
                : "";
    String text =
        ruleText(route)
            + "；转交「%s」%s；办理时限%s，%s前办结"
                .formatted(
                    unitName(units.primary()),
                    districtText,
                    limitText(route.limit()),
                    DUE.format(dueAt))
            + notLinked(route);
    return RoutingDecision.transfer(routed(route, text), units, dueAt);
  }

  /** Why an appeal intake found at an open ticket's place is not linked to it: another topic. */
  private String notLinked(Route route) {
    var open = ticket.repeatOf();
    if (open == null) {
      return "";
    }
    return "；与在办工单%s地点相近，但该工单属「%s」，本件属「%s」，不并案"
        .formatted(
            open.ticketNumber(),
            open.topicCode() == null
                ? "未分类"
                : catalog.topic(open.topicCode()).map(Catalog.Topic::name).orElse(open.topicCode()),
            route.topic().name());
  }

  private RoutingDecision triage(
      TriageReason reason, Route route, Units proposed, Object... details) {
    var why = why(reason.ruleId(route.ruleId()), reason.explain(details), route.wordsHit());
    return RoutingDecision.triage(routed(route.topic().code(), route.priority(), why), proposed);
  }

  private Routed routed(Route route, String reason) {
    return routed(
        route.topic().code(), route.priority(), why(route.ruleId(), reason, route.wordsHit()));
  }

  private Routed routed(String topicCode, Priority priority, Why why) {
    return new Routed(
        topicCode, new District(district.districtCode(), district.explanation()), priority, why);
  }

  private Why why(String ruleId, String reason, List<String> wordsHit) {
    return new Why(ruleId, ruleSetVersion, reason, wordsHit);
  }

  /** 规则「id」description：命中「word」「word」 */
  private static String ruleText(Route route) {
    var proposal = route.proposal();
    return "规则「%s」%s%s"
        .formatted(
            proposal.ruleId(),
            proposal.description(),
            proposal.wordsHit().isEmpty()
                ? ""
                : "：命中「" + String.join("」「", proposal.wordsHit()) + "」");
  }

  private String topicName(String code) {
    return catalog.topic(code).map(Catalog.Topic::name).orElse(code);
  }

  private String unitName(String code) {
    return catalog.unit(code).map(Catalog.Unit::name).orElse(code);
  }

  private static String limitText(Catalog.TimeLimit limit) {
    return limit.hours() != null ? limit.hours() + "小时" : limit.workingDays() + "个工作日";
  }
}
