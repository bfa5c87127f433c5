package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.routing.rules.Rule;
import cn.gov.xining.hotline.routing.rules.TicketFacts;
import java.util.List;

/**
 * What a rule or the learned model proposes for a ticket, before the catalog, the district and the
 * deadline have their say.
 *
 * @param ruleId the rule that matched, or {@value ModelStep#LEARNED_FALLBACK}
 * @param description the rule's description, or the model's account of its guess
 * @param topicCode the topic proposed; null only for a rule that sends to triage without one
 * @param then what the rule decides: topic, units, direct handling, triage
 * @param terms whose priority and time limit apply: {@code then}, or that of the content rule that
 *     supports the operator's topic (see {@link OperatorChoice})
 * @param wordsHit the rule's words found in the content, or the character pairs that decided the
 *     model
 */
record Proposal(
    String ruleId,
    String description,
    String topicCode,
    Rule.Then then,
    Rule.Then terms,
    List<String> wordsHit) {

  static Proposal byRule(Rule rule, TicketFacts facts, List<String> wordsHit) {
    return new Proposal(
        rule.id(), rule.description(), rule.topicFor(facts), rule.then(), rule.then(), wordsHit);
  }

  boolean takesTheOperatorsTopic() {
    return then.useOperatorTopic();
  }

  /** The same proposal under the priority and time limit of a rule that supports it. */
  Proposal withTermsOf(Rule supporting) {
    return new Proposal(ruleId, description, topicCode, then, supporting.then(), wordsHit);
  }
}
