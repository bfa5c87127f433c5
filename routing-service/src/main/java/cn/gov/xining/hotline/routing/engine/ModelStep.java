package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.rules.Rule;
import cn.gov.xining.hotline.routing.rules.TicketFacts;
import java.util.Optional;

/**
 * The learned fallback (统计分类兜底), asked only when no rule matched: the model proposes a topic when
 * it is clearly more likely than any other, and says by how much and which character pairs decided.
 * Its proposal gets the catalog's units and time limit and normal priority.
 */
final class ModelStep {

  /** The {@code ruleId} of a decision the model made; published and documented. */
  static final String LEARNED_FALLBACK = "learned-fallback";

  private final TopicClassifier model;
  private final Catalog catalog;

  ModelStep(TopicClassifier model, Catalog catalog) {
    this.model = model;
    this.catalog = catalog;
  }

  Optional<Proposal> guess(TicketFacts facts) {
    return model.classify(facts.content()).map(this::proposal);
  }

  private Proposal proposal(TopicClassifier.Guess guess) {
    String account =
        "无规则命中，统计分类兜底：与已标注的「%s」诉求最相似，可能性约为「%s」的%.0f倍"
            .formatted(
                topicName(guess.topic()), topicName(guess.runnerUp()), Math.exp(guess.margin()));
    var then = Rule.Then.topicOnly(guess.topic());
    return new Proposal(LEARNED_FALLBACK, account, guess.topic(), then, then, guess.evidence());
  }

  private String topicName(String code) {
    return catalog.topic(code).map(Catalog.Topic::name).orElse(code);
  }
}
