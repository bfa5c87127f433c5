package cn.gov.xining.hotline.routing.engine;

import static cn.gov.xining.hotline.routing.engine.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.routing.rules.CompiledRuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorChoiceTest {

  private final CompiledRuleSet rules =
      Fixtures.rules(
          """
          version: operator-choice
          rules:
            - id: operator-topic
              when: {operatorTopicGiven: true}
              then: {useOperatorTopic: true}
            - id: wages
              when: {allOf: [[拖欠], [工资]]}
              then: {topic: wage-arrears}
            - id: e-bikes
              when: {anyOf: [电动车]}
              then: {topic: fire-hazard, priority: URGENT, limit: {hours: 12}}
          """);
  private final OperatorChoice choice = new OperatorChoice();

  @Test
  void anOperatorsTopicThatTheContentContradictsGoesToTriage() {
    // given the operator chose noise, and the content is about unpaid wages
    var weighed = weigh("工地包工头拖欠我们三个月工资。", "noise-social");

    // then the content rule's topic and words stand against the operator's
    assertThat(weighed.contradiction())
        .hasValue(
            new OperatorChoice.Contradiction("noise-social", "wage-arrears", List.of("拖欠", "工资")));
  }

  @Test
  void aContentRuleThatSupportsTheOperatorsTopicLendsItsPriorityAndTimeLimit() {
    var weighed = weigh("楼道里有人给电动车充电。", "fire-hazard");

    assertThat(weighed.contradiction()).isEmpty();
    assertThat(weighed.proposal().ruleId()).isEqualTo("operator-topic");
    assertThat(weighed.proposal().terms().priority()).isEqualTo(Priority.URGENT);
    assertThat(weighed.proposal().terms().limit()).isEqualTo(new Catalog.TimeLimit(12, null));
  }

  @Test
  void anOperatorsTopicTheContentSaysNothingAboutStandsWithTheOperatorRulesOwnTerms() {
    var weighed = weigh("请问供暖费怎么计算？", "heating");

    assertThat(weighed.contradiction()).isEmpty();
    assertThat(weighed.proposal().topicCode()).isEqualTo("heating");
    assertThat(weighed.proposal().terms()).isEqualTo(weighed.proposal().then());
  }

  @Test
  void aProposalThatDoesNotTakeTheOperatorsTopicIsLeftAsItIs() {
    var facts = rules.factsOf(ticket("拖欠工资。", null, null, null, "2026-01-31T10:00:00+08:00"), null);
    var proposal = new RuleStep().firstMatch(rules, facts).orElseThrow();

    var weighed = choice.weigh(proposal, rules, facts);

    assertThat(weighed.proposal()).isSameAs(proposal);
    assertThat(weighed.contradiction()).isEmpty();
  }

  private OperatorChoice.Weighed weigh(String content, String operatorTopic) {
    var facts =
        rules.factsOf(
            ticket(content, null, null, operatorTopic, "2026-01-31T10:00:00+08:00"), null);
    var proposal = new RuleStep().firstMatch(rules, facts).orElseThrow();
    return choice.weigh(proposal, rules, facts);
  }
}
