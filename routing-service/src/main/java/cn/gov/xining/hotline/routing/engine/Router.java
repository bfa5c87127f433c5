package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.classifier.ActiveModel;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.deadlines.Deadlines;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import cn.gov.xining.hotline.routing.decisions.RoutingPolicy;
import cn.gov.xining.hotline.routing.decisions.UndecidableTicketException;
import cn.gov.xining.hotline.routing.districts.DistrictResolver;
import cn.gov.xining.hotline.routing.rules.ActiveRuleSet;
import cn.gov.xining.hotline.routing.rules.CompiledRuleSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides where a ticket goes, one step at a time (docs/routing.md): where it is ({@link
 * DistrictStep}), which rule matches ({@link RuleStep}) and what the model makes of the whole text
 * ({@link ModelStep}: its topic where no rule matched, where a rule would close a ticket that asks
 * something of a unit, or where it is sure the rule's words mislead), whether the operator's topic
 * stands ({@link OperatorChoice}), what the catalog adds ({@link Route}), when it is due ({@link
 * DeadlineStep}), whether it joins an open ticket's case as a repeat ({@link RepeatStep}), and who
 * takes it. Each exit is a {@link DecisionWriter} call, direct, transfer, linked, or triage with
 * its {@link TriageReason}.
 *
 * <p>No decision at all for a ticket that fails {@link TicketCheck}: no content, a code the catalog
 * does not know, a time received outside the years it accepts.
 */
@Component
public class Router implements RoutingPolicy {

  private final ActiveRuleSet activeRules;
  private final Catalog catalog;
  private final TicketCheck check;
  private final DistrictStep districts;
  private final RuleStep rules = new RuleStep();
  private final ActiveModel models;
  private final OperatorChoice operatorChoice = new OperatorChoice();
  private final RepeatStep repeats = new RepeatStep();
  private final DeadlineStep deadlines;

  /** Spring builds it from the beans of these types, reading with whichever model is active. */
  @Autowired
  public Router(
      ActiveRuleSet activeRules,
      Catalog catalog,
      DistrictResolver districts,
      Deadlines deadlines,
      ActiveModel models) {
    this.activeRules = activeRules;
    this.catalog = catalog;
    this.check = new TicketCheck(catalog);
    this.districts = new DistrictStep(districts);
    this.models = models;
    this.deadlines = new DeadlineStep(deadlines);
  }

  /** Tests and the benchmark build their own, with one model that never changes. */
  public Router(
      ActiveRuleSet activeRules,
      Catalog catalog,
      DistrictResolver districts,
      Deadlines deadlines,
      TopicClassifier model) {
    this(activeRules, catalog, districts, deadlines, ActiveModel.fixed(model));
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
    return decide(ticket, activeRules.current());
  }

  /**
   * The decision under this rule set and the model active now, both the same from the first step to
   * the last; the decision's {@code ruleSetVersion} names them both: {@code
   * xining-2026.11-2+model-0}.
   */
  RoutingDecision decide(TicketReceived ticket, CompiledRuleSet ruleSet) {
    var active = models.current();
    var model = new ModelStep(active.classifier(), catalog);
    var district = districts.locate(ticket);
    var facts = ruleSet.factsOf(ticket, district.districtCode());
    var write =
        new DecisionWriter(ticket, ruleSet.version() + "+" + active.version(), district, catalog);

    var review = model.review(rules.firstMatch(ruleSet, facts), ruleSet, facts);
    var proposal = review.proposal();
    if (ticket.answeredOnCall()) {
      // 直接办理: the operator already answered on the call; the rules only name the topic.
      return write.answeredOnCall(proposal.or(() -> review.doubt().map(ModelStep.Doubt::byRule)));
    }
    if (review.doubt().isPresent()) {
      return write.mayNeedAUnit(review.doubt().get());
    }
    if (proposal.isEmpty()) {
      return write.noRule();
    }
    var weighed = operatorChoice.weigh(proposal.get(), ruleSet, facts);
    if (weighed.contradiction().isPresent()) {
      return write.contradiction(weighed.contradiction().get());
    }
    var route = Route.of(weighed.proposal(), catalog);
    if (route.sentToTriage()) {
      return write.ruleSaysTriage(route, districts.proposal(route, district));
    }
    var deadline = deadlines.dueAt(ticket.receivedAt(), route.limit());
    if (!deadline.covered()) {
      return write.calendarNotCovered(
          route, districts.proposal(route, district), deadline.uncoveredDay());
    }
    if (route.byTheHotline()) {
      return write.direct(route, deadline.dueAt());
    }
    if (repeats.sameProblem(ticket, route)) {
      return write.linked(route, ticket.repeatOf());
    }
    var units = districts.assignees(route, district);
    if (Catalog.DISTRICT_TARGET.equals(units.primary())) {
      // The lead is "the district's government", and which district is not known.
      return write.districtUnknown(route, districts.proposal(route, district));
    }
    return write.transfer(route, units, deadline.dueAt());
  }
}
