package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.calendar.DateNotCoveredException;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.deadlines.Deadlines;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import cn.gov.xining.hotline.routing.decisions.RoutingPolicy;
import cn.gov.xining.hotline.routing.decisions.UndecidableTicketException;
import cn.gov.xining.hotline.routing.districts.DistrictMatch;
import cn.gov.xining.hotline.routing.districts.DistrictResolver;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Decides with the active rule set: the first matching rule wins. Then the catalog fills in what
 * the rule leaves out (units, time limit), "district" becomes the district's government, and the
 * deadline is computed on the working calendar.
 *
 * <p>When no rule matches, the learned fallback may propose a topic if it is clearly more likely
 * than any other; the decision then names the fallback and the character pairs that decided.
 *
 * <p>Triage instead of a guess when: no rule matches and the fallback is not sure; the lead unit is
 * a district government and the district is unknown; the rule says so; the deadline falls outside
 * the working calendar; or the operator's topic conflicts with the content (a content rule places
 * the ticket elsewhere and no content rule supports the operator's topic). An unknown district that
 * only an assisting unit needs does not stop the transfer: the lead unit gets the ticket and the
 * assisting district stays {@code district}, to be named later.
 *
 * <p>No decision at all for a ticket that fails {@link TicketCheck}: no content, a code the catalog
 * does not know, a time received outside the years it accepts.
 */
@Component
public class RuleEngine implements RoutingPolicy {

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ActiveRuleSet active;
  private final Catalog catalog;
  private final DistrictResolver districts;
  private final Deadlines deadlines;
  private final TopicClassifier fallback;
  private final TicketCheck check;

  RuleEngine(
      ActiveRuleSet active,
      Catalog catalog,
      DistrictResolver districts,
      Deadlines deadlines,
      TopicClassifier fallback) {
    this.active = active;
    this.catalog = catalog;
    this.districts = districts;
    this.deadlines = deadlines;
    this.fallback = fallback;
    this.check = new TicketCheck(catalog);
  }

  /** Why the ticket cannot be decided, each reason naming its field; empty when it can. */
  List<String> problemsWith(TicketReceived ticket) {
    return check.problemsWith(ticket);
  }

  @Override
  public RoutingDecision decide(TicketReceived ticket) {
    var problems = check.problemsWith(ticket);
    if (!problems.isEmpty()) {
      throw new UndecidableTicketException(ticket.ticketNumber(), problems);
    }
    var rules = active.current();
    var district =
        ticket.districtCode() != null
            ? new DistrictMatch(
                ticket.districtCode(), "", "接线员已选定区县 (district given by the operator)")
            : districts.resolve(ticket.address(), ticket.content());
    var facts =
        new TicketFacts(
            ticket.content() == null ? "" : ticket.content(),
            ticket.channel(),
            ticket.appealType() == null ? null : ticket.appealType().name(),
            ticket.topicCode(),
            district.districtCode(),
            HotlineTime.dayOf(ticket.receivedAt()),
            rules.hitsIn(ticket.content()));

    Rule winner = firstMatch(rules, facts, false);
    var wordsFromTheFallback = List.<String>of();
    if (winner == null) {
      var guess = fallback.classify(facts.content());
      if (guess.isPresent()) {
        winner =
            Rule.learned(
                guess.get(), topicName(guess.get().topic()), topicName(guess.get().runnerUp()));
        wordsFromTheFallback = guess.get().evidence();
      }
    }
    if (ticket.answeredOnCall()) {
      // 直接办理: the operator already answered on the call; the rules only name the topic.
      String topic = winner == null ? null : winner.topicFor(facts);
      return new RoutingDecision(
          RoutingOutcome.DIRECT,
          topic,
          district.districtCode(),
          Catalog.HOTLINE_UNIT,
          List.of(),
          "answered-on-call",
          rules.version(),
          "接线员已当场答复，热线直接办理 (answered on the call)",
          ticket.receivedAt(),
          Priority.NORMAL,
          List.of(),
          district.explanation());
    }
    if (winner == null) {
      return triage(
          Priority.NORMAL,
          rules,
          facts,
          district,
          null,
          null,
          List.of(),
          "no-rule",
          List.of(),
          "没有规则能确定诉求分类，转人工分派 (no rule matched)");
    }
    var wordsHit = winner.learned() ? wordsFromTheFallback : rules.wordsHit(winner, facts);
    // The rule whose priority and time limit apply: the winner, or, when the operator's topic
    // won, the content rule that agrees with it (an urgent fire hazard stays urgent when the
    // operator picks fire-hazard).
    Rule terms = winner;
    if (winner.useOperatorTopic()) {
      Rule content = firstMatch(rules, facts, true);
      Rule supporting = firstContentRuleFor(rules, facts, facts.operatorTopic());
      if (content != null
          && content.topic() != null
          && !content.topic().equals(facts.operatorTopic())
          && supporting == null) {
        return triage(
            Priority.NORMAL,
            rules,
            facts,
            district,
            null,
            null,
            List.of(),
            "operator-content-conflict",
            rules.wordsHit(content, facts),
            "接线员选择「%s」，但内容符合「%s」（%s），转人工核实 (the operator's topic conflicts with the content)"
                .formatted(
                    topicName(facts.operatorTopic()),
                    topicName(content.topicFor(facts)),
                    String.join("、", rules.wordsHit(content, facts))));
      }
      if (supporting != null) {
        terms = supporting;
      }
    }
    var topic = catalog.topic(winner.topicFor(facts)).orElseThrow();
    String primaryTarget = winner.primary() != null ? winner.primary() : topic.primary();
    List<String> assistTargets = winner.assist() != null ? winner.assist() : topic.assist();
    String ruleText =
        "规则「%s」%s%s"
            .formatted(
                winner.id(),
                winner.description(),
                wordsHit.isEmpty() ? "" : "：命中「" + String.join("」「", wordsHit) + "」");
    if (winner.triage()) {
      return triage(
          terms.priority(),
          rules,
          facts,
          district,
          topic.code(),
          primaryTarget,
          assistTargets,
          winner.id(),
          wordsHit,
          ruleText + "，按规则转人工分派 (the rule sends it to triage)");
    }
    var limit = terms.limit() != null ? terms.limit() : topic.limit();
    OffsetDateTime dueAt;
    try {
      dueAt = deadlines.dueAt(ticket.receivedAt(), limit);
    } catch (DateNotCoveredException e) {
      return triage(
          terms.priority(),
          rules,
          facts,
          district,
          topic.code(),
          primaryTarget,
          assistTargets,
          "calendar-not-covered",
          wordsHit,
          ruleText
              + "；工作日历未覆盖%s，无法计算办理时限，转人工分派 (the working calendar does not cover it)"
                  .formatted(e.date()));
    }
    if (winner.direct() || Catalog.HOTLINE_UNIT.equals(primaryTarget)) {
      return new RoutingDecision(
          RoutingOutcome.DIRECT,
          topic.code(),
          district.districtCode(),
          Catalog.HOTLINE_UNIT,
          List.of(),
          winner.id(),
          rules.version(),
          ruleText + "；「%s」由热线直接办理 (answered by the hotline)".formatted(topic.name()),
          dueAt,
          terms.priority(),
          wordsHit,
          district.explanation());
    }
    String primary = resolve(primaryTarget, district);
    if (Catalog.DISTRICT_TARGET.equals(primary)) {
      return triage(
          terms.priority(),
          rules,
          facts,
          district,
          topic.code(),
          primaryTarget,
          assistTargets,
          "district-unknown",
          wordsHit,
          ruleText
              + "；「%s」由属地办理但区县不明，转人工分派 (district needed but unknown: %s)"
                  .formatted(topic.name(), district.explanation()));
    }
    var assisting = new LinkedHashSet<String>();
    assistTargets.forEach(target -> assisting.add(resolve(target, district)));
    assisting.remove(primary);
    String districtText =
        district.known()
            ? "；区县：" + district.explanation()
            : assisting.contains(Catalog.DISTRICT_TARGET)
                ? "；协办区县待定：" + district.explanation()
                : "";
    return new RoutingDecision(
        RoutingOutcome.TRANSFER,
        topic.code(),
        district.districtCode(),
        primary,
        List.copyOf(assisting),
        winner.id(),
        rules.version(),
        ruleText
            + "；转交「%s」%s；办理时限%s，%s前办结"
                .formatted(unitName(primary), districtText, limitText(limit), DUE.format(dueAt)),
        dueAt,
        terms.priority(),
        wordsHit,
        district.explanation());
  }

  private static Rule firstMatch(CompiledRuleSet rules, TicketFacts facts, boolean contentOnly) {
    for (Rule rule : rules.rules()) {
      if ((!contentOnly || rule.readsContent()) && rule.matches(facts)) {
        return rule;
      }
    }
    return null;
  }

  private static Rule firstContentRuleFor(CompiledRuleSet rules, TicketFacts facts, String topic) {
    for (Rule rule : rules.rules()) {
      if (rule.readsContent() && topic.equals(rule.topic()) && rule.matches(facts)) {
        return rule;
      }
    }
    return null;
  }

  private RoutingDecision triage(
      Priority priority,
      CompiledRuleSet rules,
      TicketFacts facts,
      DistrictMatch district,
      String topic,
      String primaryTarget,
      List<String> assistTargets,
      String ruleId,
      List<String> wordsHit,
      String reason) {
    String primary = primaryTarget == null ? null : resolve(primaryTarget, district);
    var assisting = new ArrayList<String>();
    assistTargets.forEach(target -> assisting.add(resolve(target, district)));
    assisting.remove(primary);
    return new RoutingDecision(
        RoutingOutcome.TRIAGE,
        topic,
        district.districtCode(),
        primary,
        assisting,
        ruleId,
        rules.version(),
        reason,
        null,
        priority,
        wordsHit,
        district.explanation());
  }

  private static String resolve(String target, DistrictMatch district) {
    return Catalog.DISTRICT_TARGET.equals(target) && district.known()
        ? Catalog.districtGovernment(district.districtCode())
        : target;
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
