package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A validated rule set ready to evaluate: its rules in order and one phrase matcher holding every
 * word any rule mentions, so a ticket's content is scanned once whatever the number of rules.
 * Immutable: a decision keeps the set it started with even if another is put over the API.
 *
 * @param source the YAML it was compiled from, served back by the rules endpoint
 */
public record CompiledRuleSet(
    String version, List<Rule> rules, PhraseMatcher phrases, String source) {

  /** What the rules look at for this ticket, given its district (the operator's or inferred). */
  public TicketFacts factsOf(TicketReceived ticket, String districtCode) {
    return new TicketFacts(
        ticket.content() == null ? "" : ticket.content(),
        ticket.channel(),
        ticket.appealType() == null ? null : ticket.appealType().name(),
        ticket.topicCode(),
        districtCode,
        HotlineTime.dayOf(ticket.receivedAt()),
        hitsIn(ticket.content()));
  }

  /** The rule that decides: rules are ordered and the first match wins. */
  public Optional<Rule> firstMatch(TicketFacts facts) {
    // A loop, not a stream: this runs for every ticket, on routing's hottest path.
    for (Rule rule : rules) {
      if (rule.matches(facts)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** The first matching rule that reads the content rather than the operator's choice. */
  public Optional<Rule> firstContentMatch(TicketFacts facts) {
    return rules.stream().filter(rule -> rule.readsContent() && rule.matches(facts)).findFirst();
  }

  /** The first matching content rule that assigns this topic: the content agrees with it. */
  public Optional<Rule> firstContentMatchFor(String topic, TicketFacts facts) {
    return rules.stream()
        .filter(
            rule -> rule.readsContent() && topic.equals(rule.then().topic()) && rule.matches(facts))
        .findFirst();
  }

  /** The words of a rule that occur in the ticket, in rule order, for explanations. */
  public List<String> wordsHit(Rule rule, TicketFacts facts) {
    var words = new LinkedHashSet<String>();
    facts.hitsAmong(rule.when().anyOf()).forEach(i -> words.add(phrases.phrase(i)));
    for (int[] group : rule.when().allOf()) {
      facts.hitsAmong(group).forEach(i -> words.add(phrases.phrase(i)));
    }
    return new ArrayList<>(words);
  }

  boolean[] hitsIn(String content) {
    var hits = new boolean[phrases.size()];
    if (content != null) {
      for (var occurrence : phrases.find(content)) {
        hits[occurrence.phrase()] = true;
      }
    }
    return hits;
  }
}
