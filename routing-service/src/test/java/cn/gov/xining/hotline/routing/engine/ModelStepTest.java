package cn.gov.xining.hotline.routing.engine;

import static cn.gov.xining.hotline.routing.engine.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.rules.CompiledRuleSet;
import cn.gov.xining.hotline.routing.rules.TicketFacts;
import org.junit.jupiter.api.Test;

class ModelStepTest {

  private final CompiledRuleSet rules = Fixtures.defaultRules(null).current();
  private final ModelStep step = new ModelStep(trained(1.0), Fixtures.CATALOG);

  @Test
  void theModelProposesATopicItIsSureOfUnderTheLearnedFallbacksNameAndSaysWhy() {
    var proposal = step.guess(facts("屋里冰凉，暖气不热"));

    assertThat(proposal).isPresent();
    assertThat(proposal.get().ruleId()).isEqualTo("learned-fallback");
    assertThat(proposal.get().topicCode()).isEqualTo("heating");
    assertThat(proposal.get().description()).startsWith("无规则命中，统计分类兜底：与已标注的「供暖问题」诉求最相似");
    assertThat(proposal.get().wordsHit()).isNotEmpty();
  }

  @Test
  void theModelsProposalLeavesUnitsAndTimeLimitToTheCatalogAtNormalPriority() {
    var then = step.guess(facts("屋里冰凉，暖气不热")).orElseThrow().then();

    assertThat(then.primary()).isNull();
    assertThat(then.assist()).isNull();
    assertThat(then.limit()).isNull();
    assertThat(then.priority()).isEqualTo(Priority.NORMAL);
    assertThat(then.triage()).isFalse();
  }

  @Test
  void theModelStaysSilentWhenNoTopicIsClearlyEnoughMoreLikely() {
    // given a model that must be a million nats sure, which it never is
    var unsure = new ModelStep(trained(1_000_000), Fixtures.CATALOG);

    assertThat(unsure.guess(facts("屋里冰凉，暖气不热"))).isEmpty();
  }

  @Test
  void aRuleThatWouldCloseATicketDirectlyGivesWayWhenTheModelReadsAUnitsTopicInIt() {
    // given a question the consultation rule would answer directly, about cold radiators
    var facts = facts("请问暖气不热屋里冰凉怎么办");
    var byRule = new RuleStep().firstMatch(rules, facts);
    assertThat(byRule.orElseThrow().topicCode()).isEqualTo("policy-consultation");

    // when
    var review = step.review(byRule, rules, facts);

    // then the model's topic, with the rule it overruled in the account
    assertThat(review.doubt()).isEmpty();
    assertThat(review.proposal().orElseThrow().topicCode()).isEqualTo("heating");
    assertThat(review.proposal().get().description()).contains("consultation", "以全文为准");
  }

  @Test
  void aDirectAnswerTheModelBarelyDoubtsGoesToAPerson() {
    // given a model that cannot tell heating from a consultation
    var undecided = new TopicClassifier(1.0);
    undecided.learn("heating", "暖气");
    undecided.learn("policy-consultation", "请问");
    var facts = facts("请问暖气");
    var byRule = new RuleStep().firstMatch(rules, facts);

    // when
    var review = new ModelStep(undecided, Fixtures.CATALOG).review(byRule, rules, facts);

    // then neither closed nor transferred: a person decides
    assertThat(review.proposal()).isEmpty();
    assertThat(review.doubt()).isPresent();
  }

  @Test
  void aRuleTheModelAgreesWithStands() {
    var facts = facts("暖气不热，屋里冰凉");
    var byRule = new RuleStep().firstMatch(rules, facts);

    var review = step.review(byRule, rules, facts);

    assertThat(review.proposal()).isEqualTo(byRule);
  }

  private static TopicClassifier trained(double minimumMargin) {
    var model = new TopicClassifier(minimumMargin);
    for (int i = 0; i < 3; i++) {
      model.learn("heating", "暖气不热，屋里冰凉，供暖公司不管");
      model.learn("water-supply", "小区停水，自来水管没有水");
    }
    return model;
  }

  private TicketFacts facts(String content) {
    return rules.factsOf(ticket(content, null, null, null, "2026-01-31T10:00:00+08:00"), null);
  }
}
