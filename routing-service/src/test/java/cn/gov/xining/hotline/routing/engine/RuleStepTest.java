package cn.gov.xining.hotline.routing.engine;

import static cn.gov.xining.hotline.routing.engine.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.routing.rules.CompiledRuleSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleStepTest {

  private final CompiledRuleSet rules =
      Fixtures.rules(
          """
          version: rule-step
          rules:
            - id: operator-topic
              when: {operatorTopicGiven: true}
              then: {useOperatorTopic: true}
            - id: no-water
              description: 停水
              when: {anyOf: [停水, 没水]}
              then: {topic: water-supply}
            - id: any-water
              when: {anyOf: [水]}
              then: {topic: waterlogging}
          """);
  private final RuleStep step = new RuleStep();

  @Test
  void theFirstMatchingRuleProposesItsTopicWithTheWordsItFound() {
    var proposal = propose("小区停水两天了，楼下也没水。", null);

    assertThat(proposal).isPresent();
    assertThat(proposal.get().ruleId()).isEqualTo("no-water");
    assertThat(proposal.get().description()).isEqualTo("停水");
    assertThat(proposal.get().topicCode()).isEqualTo("water-supply");
    assertThat(proposal.get().wordsHit()).containsExactly("停水", "没水");
  }

  @Test
  void aRuleThatTakesTheOperatorsTopicProposesWhatTheOperatorChose() {
    var proposal = propose("小区停水两天了。", "heating");

    assertThat(proposal.get().ruleId()).isEqualTo("operator-topic");
    assertThat(proposal.get().topicCode()).isEqualTo("heating");
    assertThat(proposal.get().takesTheOperatorsTopic()).isTrue();
  }

  @Test
  void aTicketNoRuleMatchesGetsNoProposalFromTheRules() {
    assertThat(propose("我要反映一个情况。", null)).isEmpty();
  }

  private Optional<Proposal> propose(String content, String operatorTopic) {
    var ticket = ticket(content, null, null, operatorTopic, "2026-01-31T10:00:00+08:00");
    return step.firstMatch(rules, rules.factsOf(ticket, null));
  }
}
