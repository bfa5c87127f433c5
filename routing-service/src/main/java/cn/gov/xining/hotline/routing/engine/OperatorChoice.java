package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.routing.rules.CompiledRuleSet;
import cn.gov.xining.hotline.routing.rules.TicketFacts;
import java.util.List;
import java.util.Optional;

/**
 * The operator's topic (接线员选定的分类) weighed against the content, when the winning rule takes it. A
 * content rule that assigns the same topic supports it and lends its priority and time limit: an
 * urgent fire hazard stays urgent when the operator picks fire-hazard. A content rule that places
 * the ticket under another topic, with none supporting the operator's, contradicts it, and a person
 * settles which is right.
 */
final class OperatorChoice {

  /** The operator chose one topic; the content, by a rule and these words, says another. */
  record Contradiction(String operatorTopic, String contentTopic, List<String> wordsHit) {}

  /** The proposal to go on with, or the contradiction that stops it. */
  record Weighed(Proposal proposal, Optional<Contradiction> contradiction) {}

  Weighed weigh(Proposal proposal, CompiledRuleSet rules, TicketFacts facts) {
    if (!proposal.takesTheOperatorsTopic()) {
      return new Weighed(proposal, Optional.empty());
    }
    String operatorTopic = facts.operatorTopic();
    var supporting = rules.firstContentMatchFor(operatorTopic, facts);
    if (supporting.isPresent()) {
      return new Weighed(proposal.withTermsOf(supporting.get()), Optional.empty());
    }
    var contradiction =
        rules
            .firstContentMatch(facts)
            .filter(rule -> rule.then().topic() != null)
            .filter(rule -> !rule.then().topic().equals(operatorTopic))
            .map(
                rule ->
                    new Contradiction(
                        operatorTopic, rule.topicFor(facts), rules.wordsHit(rule, facts)));
    return new Weighed(proposal, contradiction);
  }
}
