package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.routing.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A validated rule set ready to evaluate: its rules in order and one phrase matcher holding every
 * word any rule mentions, so a ticket's content is scanned once whatever the number of rules.
 *
 * @param source the YAML it was compiled from, served back by the rules endpoint
 */
record CompiledRuleSet(String version, List<Rule> rules, PhraseMatcher phrases, String source) {

  boolean[] hitsIn(String content) {
    var hits = new boolean[phrases.size()];
    if (content != null) {
      for (var occurrence : phrases.find(content)) {
        hits[occurrence.phrase()] = true;
      }
    }
    return hits;
  }

  /** The words of a rule that occur in the ticket, in rule order, for explanations. */
  List<String> wordsHit(Rule rule, TicketFacts facts) {
    var words = new LinkedHashSet<String>();
    facts.hitsAmong(rule.anyOf()).forEach(i -> words.add(phrases.phrase(i)));
    for (int[] group : rule.allOf()) {
      facts.hitsAmong(group).forEach(i -> words.add(phrases.phrase(i)));
    }
    return new ArrayList<>(words);
  }
}
