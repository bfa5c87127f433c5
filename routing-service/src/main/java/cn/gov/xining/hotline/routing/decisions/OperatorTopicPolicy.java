package cn.gov.xining.hotline.routing.decisions;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import java.util.LinkedHashSet;
import org.springframework.stereotype.Component;

/**
 * Routes by the topic the operator chose, exactly as the catalog says: the topic's lead unit and
 * assisting units, "district" meaning the government of the ticket's district. What this cannot
 * place (no topic, or a topic that needs a district the ticket lacks) goes to triage rather than to
 * a guess.
 */
@Component
class OperatorTopicPolicy implements RoutingPolicy {

  static final String RULE_SET_VERSION = "operator-topic-1";

  private final Catalog catalog;

  OperatorTopicPolicy(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public RoutingDecision decide(TicketReceived ticket) {
    if (ticket.topicCode() == null) {
      return RoutingDecision.triage(
          null,
          ticket.districtCode(),
          "no-topic",
          RULE_SET_VERSION,
          "接线员未选择诉求分类，转人工分派 (no topic chosen)");
    }
    var found = catalog.topic(ticket.topicCode());
    if (found.isEmpty()) {
      return RoutingDecision.triage(
          null,
          ticket.districtCode(),
          "unknown-topic",
          RULE_SET_VERSION,
          "诉求分类「%s」不在目录中，转人工分派 (unknown topic)".formatted(ticket.topicCode()));
    }
    var topic = found.get();
    if (topic.handledByHotline()) {
      return new RoutingDecision(
          RoutingOutcome.DIRECT,
          topic.code(),
          ticket.districtCode(),
          Catalog.HOTLINE_UNIT,
          java.util.List.of(),
          "operator-topic:" + topic.code(),
          RULE_SET_VERSION,
          "「%s」由热线直接办理 (answered by the hotline)".formatted(topic.name()));
    }
    if (topic.needsDistrict() && ticket.districtCode() == null) {
      return RoutingDecision.triage(
          topic.code(),
          null,
          "district-unknown",
          RULE_SET_VERSION,
          "「%s」需属地办理但区县不明，转人工分派 (district needed but unknown)".formatted(topic.name()));
    }
    String primary = Catalog.resolveTarget(topic.primary(), ticket.districtCode());
    var assisting = new LinkedHashSet<String>();
    for (String target : topic.assist()) {
      assisting.add(Catalog.resolveTarget(target, ticket.districtCode()));
    }
    assisting.remove(primary);
    return new RoutingDecision(
        RoutingOutcome.TRANSFER,
        topic.code(),
        ticket.districtCode(),
        primary,
        java.util.List.copyOf(assisting),
        "operator-topic:" + topic.code(),
        RULE_SET_VERSION,
        "接线员选择诉求分类「%s」，按目录转交 (transferred as the catalog says)".formatted(topic.name()));
  }
}
