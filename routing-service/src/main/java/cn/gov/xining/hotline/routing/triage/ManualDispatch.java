package cn.gov.xining.hotline.routing.triage;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.calendar.DateNotCoveredException;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.deadlines.Deadlines;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.District;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Routed;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Units;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Why;
import cn.gov.xining.hotline.routing.dispatch.DecisionPublisher;
import cn.gov.xining.hotline.routing.learning.DispatchedExample;
import cn.gov.xining.hotline.routing.rules.ActiveRuleSet;
import cn.gov.xining.hotline.routing.triage.TriageBacklog.Waiting;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Dispatches a triaged ticket as a triage operator decided. The decision, the assignments and the
 * tombstone that takes the ticket off the backlog, and the labelled example the model learns from
 * ({@code routing-examples}), are one Kafka transaction, committed for one dispatch of the ticket
 * across every routing instance ({@link DispatchTransaction}). The time limit runs from the
 * dispatch, when the unit first sees the ticket.
 */
@Service
class ManualDispatch {

  static final String RULE_ID = "manual-dispatch";

  private final TriageBacklog backlog;
  private final Catalog catalog;
  private final Deadlines deadlines;
  private final ActiveRuleSet rules;
  private final DecisionPublisher publisher;
  private final DispatchTransaction transaction;
  private final Clock clock;

  ManualDispatch(
      TriageBacklog backlog,
      Catalog catalog,
      Deadlines deadlines,
      ActiveRuleSet rules,
      DecisionPublisher publisher,
      DispatchTransaction transaction,
      Clock clock) {
    this.backlog = backlog;
    this.catalog = catalog;
    this.deadlines = deadlines;
    this.rules = rules;
    this.publisher = publisher;
    this.transaction = transaction;
    this.clock = clock;
  }

  TicketRouted dispatch(String ticketNumber, DispatchRequest request) {
    // Claimed on this instance first: a double click answered here is turned away without asking
    // Kafka. Given up if the dispatch fails.
    var waiting = backlog.claim(ticketNumber);
    try {
      return dispatch(waiting, request);
    } catch (RuntimeException e) {
      backlog.release(ticketNumber);
      throw e;
    }
  }

  private TicketRouted dispatch(Waiting waiting, DispatchRequest request) {
    var triaged = waiting.triaged();
    var ticket = triaged.ticket();
    String ticketNumber = ticket.ticketNumber();
    var problems = new ArrayList<String>();
    if (request.dispatcher() == null || request.dispatcher().isBlank()) {
      problems.add("dispatcher: 必须填写派单员 (who dispatches is required)");
    }
    var topic =
        request.topicCode() == null ? null : catalog.topic(request.topicCode()).orElse(null);
    if (topic == null) {
      problems.add("topicCode: 未知或缺少诉求分类 (unknown or missing topic)");
    }
    String district =
        request.districtCode() != null ? request.districtCode() : triaged.decision().districtCode();
    if (request.districtCode() != null && catalog.district(request.districtCode()).isEmpty()) {
      problems.add("districtCode: 未知的区县代码 " + request.districtCode());
    }
    if (topic == null) {
      throw new InvalidDispatchException(problems);
    }
    String primaryTarget = request.primaryUnit() != null ? request.primaryUnit() : topic.primary();
    List<String> assistTargets =
        request.assistingUnits() != null ? request.assistingUnits() : topic.assist();
    var targets = new ArrayList<>(assistTargets);
    targets.add(primaryTarget);
    for (String target : targets) {
      boolean assignable =
          catalog.assignableUnits().stream().anyMatch(unit -> unit.code().equals(target));
      boolean hotlineLeads = Catalog.HOTLINE_UNIT.equals(target) && target.equals(primaryTarget);
      if (!Catalog.DISTRICT_TARGET.equals(target) && !assignable && !hotlineLeads) {
        problems.add("units: 不能承办的单位 " + target + " (not a unit that can be assigned)");
      }
      if (Catalog.DISTRICT_TARGET.equals(target) && district == null) {
        problems.add("districtCode: 该分类需属地办理，请指定区县 (the route needs a district)");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDispatchException(problems.stream().distinct().toList());
    }
    String primary = Catalog.resolveTarget(primaryTarget, district);
    var assisting = new LinkedHashSet<String>();
    assistTargets.forEach(target -> assisting.add(Catalog.resolveTarget(target, district)));
    assisting.remove(primary);
    var now = HotlineTime.now(clock);
    boolean direct = Catalog.HOTLINE_UNIT.equals(primary);
    var dispatched =
        new Routed(
            topic.code(),
            new District(district, district == null ? "" : "派单员指定或已知区县 " + district),
            triaged.decision().priority(),
            new Why(
                RULE_ID,
                rules.version(),
                "派单员「%s」人工分派%s"
                    .formatted(
                        request.dispatcher(), request.note() == null ? "" : "：" + request.note()),
                List.of()));
    var dueAt = dueAt(now, topic);
    var decision =
        direct
            ? RoutingDecision.direct(dispatched, dueAt)
            : RoutingDecision.transfer(
                dispatched, new Units(primary, List.copyOf(assisting)), dueAt);
    // The tombstone that takes the ticket off the backlog is the transaction's own.
    return transaction.runOnce(
        waiting,
        operations -> {
          var routed = publisher.publish(operations, ticket, decision, now);
          // The dispatcher's choice is a labelled example for the model's next version.
          operations.send(
              Topics.ROUTING_EXAMPLES,
              ticketNumber,
              new DispatchedExample(
                  ticketNumber,
                  ticket.content(),
                  topic.code(),
                  triaged.decision().topicCode(),
                  request.dispatcher(),
                  now));
          return routed;
        });
  }

  private java.time.OffsetDateTime dueAt(java.time.OffsetDateTime now, Catalog.Topic topic) {
    try {
      return deadlines.dueAt(now, topic.limit());
    } catch (DateNotCoveredException e) {
      throw new InvalidDispatchException(
          List.of("日历未覆盖 " + e.date() + "，无法计算办理时限 (the working calendar does not cover it)"));
    }
  }
}
