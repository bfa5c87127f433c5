package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.routing.rules.CompiledRuleSet;
import cn.gov.xining.hotline.routing.rules.TicketFacts;
import java.util.Optional;

/**
 * The rules: the first rule of the given rule set that matches the ticket, with the words of it
 * found in the content. The rule set is an argument, not state, so each decision uses the one in
 * force when it started.
 */
final class RuleStep {

  Optional<Proposal> firstMatch(CompiledRuleSet rules, TicketFacts facts) {
    return rules
        .firstMatch(facts)
        .map(rule -> Proposal.byRule(rule, facts, rules.wordsHit(rule, facts)));
  }
}
