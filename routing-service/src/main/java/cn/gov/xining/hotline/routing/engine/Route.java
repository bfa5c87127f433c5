package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.Priority;
import java.util.List;

/**
 * A proposal completed by the catalog: the topic's lead unit, assisting units and time limit
 * wherever the rule names none. Units may still be {@code district}, until {@link DistrictStep}
 * names the district's government.
 */
record Route(Proposal proposal, Catalog.Topic topic) {

  /**
   * Throws {@link java.util.NoSuchElementException} without a topic the catalog knows. The compiler
   * refuses unknown topics, but a rule with {@code triage: true} and no topic gets here without
   * one, and its ticket is then not decided: a known gap, kept until it is settled what it should
   * do.
   */
  static Route of(Proposal proposal, Catalog catalog) {
    return new Route(proposal, catalog.topic(proposal.topicCode()).orElseThrow());
  }

  String ruleId() {
    return proposal.ruleId();
  }

  List<String> wordsHit() {
    return proposal.wordsHit();
  }

  String primaryTarget() {
    return proposal.then().primary() != null ? proposal.then().primary() : topic.primary();
  }

  List<String> assistTargets() {
    return proposal.then().assist() != null ? proposal.then().assist() : topic.assist();
  }

  Catalog.TimeLimit limit() {
    return proposal.terms().limit() != null ? proposal.terms().limit() : topic.limit();
  }

  Priority priority() {
    return proposal.terms().priority();
  }

  /** The rule says {@code triage: true}: a person decides, whatever else it says. */
  boolean sentToTriage() {
    return proposal.then().triage();
  }

  /** 直接办理: the rule says {@code direct: true}, or the lead unit is the hotline itself. */
  boolean byTheHotline() {
    return proposal.then().direct() || Catalog.HOTLINE_UNIT.equals(primaryTarget());
  }
}
