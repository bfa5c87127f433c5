package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.rules.CompiledRuleSet;
import cn.gov.xining.hotline.routing.rules.Rule;
import cn.gov.xining.hotline.routing.rules.TicketFacts;
import java.util.Optional;

/**
 * The topic model's say (统计分类): it reads the whole text, where a rule reads a few words. Rules keep
 * what rules do well — the operator's choice, a rule that sends to triage, priorities and time
 * limits — but one word must not decide against the whole text:
 *
 * <ol>
 *   <li>No rule matched: the model's topic, if it is sure (its best topic at least {@code
 *       minimum-margin} nats more likely than the runner-up).
 *   <li>A rule would close the ticket directly (直接办理, e.g. a question about a policy) and the model
 *       reads a unit's topic in the text, even slightly ({@value #DOUBTS_A_DIRECT_ANSWER} nat): a
 *       ticket is closed directly only when nothing is asked of a unit. The model's topic if it is
 *       at least that sure, otherwise a person decides ({@link TriageReason#MAY_NEED_A_UNIT}).
 *   <li>A rule places the ticket under one topic and the model, reading everything, is sure of
 *       another ({@value #OVERRULES_A_RULE} nats, about twenty times as likely): the model's topic.
 * </ol>
 *
 * Where the model's topic wins, a content rule for that topic that matches the text decides the
 * route (its units, priority and time limit: an urgent fire hazard stays urgent); without one, the
 * catalog's route with normal priority, and the decision names the words that weighed most.
 *
 * <p>The two margins were chosen on the second hold-out set (120 appeals) before the blind set was
 * read; docs/routing.md has the figures.
 */
final class ModelStep {

  /** The {@code ruleId} of a decision the model made where no rule matched; published. */
  static final String LEARNED_FALLBACK = "learned-fallback";

  /** The {@code ruleId} of a decision where the model's reading of the text overruled a rule. */
  static final String LEARNED_OVERRULE = "learned-model";

  /** Nats by which the model's topic must beat the rule's before it overrules a rule. */
  static final double OVERRULES_A_RULE = 3;

  /**
   * Nats by which a unit's topic beating a direct answer's is enough to doubt the direct answer.
   */
  static final double DOUBTS_A_DIRECT_ANSWER = 1;

  /** What the model made of the rule's proposal: the proposal to go on with, or a doubt. */
  record Review(Optional<Proposal> proposal, Optional<Doubt> doubt) {

    static Review of(Optional<Proposal> proposal) {
      return new Review(proposal, Optional.empty());
    }
  }

  /** A rule would close the ticket directly; the model reads a unit's topic in it, not surely. */
  record Doubt(Proposal byRule, TopicClassifier.Guess guess) {}

  private final TopicClassifier model;
  private final Catalog catalog;

  ModelStep(TopicClassifier model, Catalog catalog) {
    this.model = model;
    this.catalog = catalog;
  }

  /** The model's proposal where no rule matched: only if it is sure. */
  Optional<Proposal> guess(TicketFacts facts) {
    return model.classify(facts.content()).map(this::fallback);
  }

  /** The model's say over what the rules proposed (see the class comment). */
  Review review(Optional<Proposal> byRule, CompiledRuleSet rules, TicketFacts facts) {
    if (byRule.isEmpty()) {
      return Review.of(guess(facts));
    }
    var rule = byRule.get();
    var reading = model.read(facts.content());
    if (rule.takesTheOperatorsTopic()
        || rule.then().triage()
        || rule.topicCode() == null
        || reading.isEmpty()
        || reading.get().topic().equals(rule.topicCode())) {
      return Review.of(byRule);
    }
    var guess = reading.get();
    if (closesDirectly(rule)) {
      return guess.margin() >= DOUBTS_A_DIRECT_ANSWER
          ? Review.of(Optional.of(overrule(rule, guess, rules, facts)))
          : new Review(Optional.empty(), Optional.of(new Doubt(rule, guess)));
    }
    return guess.margin() >= OVERRULES_A_RULE
        ? Review.of(Optional.of(overrule(rule, guess, rules, facts)))
        : Review.of(byRule);
  }

  private boolean closesDirectly(Proposal rule) {
    String lead =
        rule.then().primary() != null
            ? rule.then().primary()
            : catalog.topic(rule.topicCode()).map(Catalog.Topic::primary).orElse(null);
    return rule.then().direct() || Catalog.HOTLINE_UNIT.equals(lead);
  }

  private Proposal overrule(
      Proposal rule, TopicClassifier.Guess guess, CompiledRuleSet rules, TicketFacts facts) {
    String account =
        "规则「%s」（%s）与全文不符：全文与已标注的「%s」诉求最相似（%s），可能性约为「%s」的%.0f倍，以全文为准"
            .formatted(
                rule.ruleId(),
                String.join("、", rule.wordsHit()),
                topicName(guess.topic()),
                String.join("、", guess.evidence()),
                topicName(guess.runnerUp()),
                Math.exp(Math.min(guess.margin(), 20)));
    // A rule of the model's topic that matches the text knows that topic's route best.
    var agreeing = rules.firstContentMatchFor(guess.topic(), facts);
    if (agreeing.isPresent()) {
      var byAgreeingRule =
          Proposal.byRule(agreeing.get(), facts, rules.wordsHit(agreeing.get(), facts));
      return new Proposal(
          byAgreeingRule.ruleId(),
          account + "；" + agreeing.get().description(),
          guess.topic(),
          byAgreeingRule.then(),
          byAgreeingRule.terms(),
          guess.evidence());
    }
    var then = Rule.Then.topicOnly(guess.topic());
    return new Proposal(LEARNED_OVERRULE, account, guess.topic(), then, then, guess.evidence());
  }

  private Proposal fallback(TopicClassifier.Guess guess) {
    String account =
        "无规则命中，统计分类兜底：与已标注的「%s」诉求最相似，可能性约为「%s」的%.0f倍"
            .formatted(
                topicName(guess.topic()),
                topicName(guess.runnerUp()),
                Math.exp(Math.min(guess.margin(), 20)));
    var then = Rule.Then.topicOnly(guess.topic());
    return new Proposal(LEARNED_FALLBACK, account, guess.topic(), then, then, guess.evidence());
  }

  private String topicName(String code) {
    return catalog.topic(code).map(Catalog.Topic::name).orElse(code);
  }
}
