package cn.gov.xining.hotline.routing.engine;

import static cn.gov.xining.hotline.routing.engine.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Units;
import cn.gov.xining.hotline.routing.districts.DistrictMatch;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionWriterTest {

  private final Route wages = routeFor("来电人反映包工头拖欠工资两万元。");

  @Test
  void aTransferSaysWhichRuleAndWordsDecidedWhichUnitTakesItWhereAndByWhen() {
    var writer = writer(new DistrictMatch("630105", "柴达木路", "地址中的「柴达木路」属城北区"));

    var decision =
        writer.transfer(
            wages,
            new Units("hrss", List.of("gov-630105")),
            OffsetDateTime.parse("2026-02-27T00:00:00+08:00"));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRANSFER);
    assertThat(decision.ruleId()).isEqualTo("wages");
    assertThat(decision.ruleSetVersion()).isEqualTo("writer-1");
    assertThat(decision.reason())
        .isEqualTo(
            "规则「wages」拖欠工资：命中「拖欠」「工资」；转交「市人力资源和社会保障局（劳动保障监察）」；区县：地址中的「柴达木路」属城北区；"
                + "办理时限5个工作日，2026-02-27 00:00前办结");
    assertThat(decision.districtCode()).isEqualTo("630105");
    assertThat(decision.wordsHit()).containsExactly("拖欠", "工资");
  }

  @Test
  void aTriageCarriesItsReasonsIdAndTheProposedRouteButNothingDue() {
    var writer = writer(new DistrictMatch(null, "", "地址和诉求内容中没有西宁市区县的地名"));

    var decision = writer.districtUnknown(wages, new Units("district", List.of()));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRIAGE);
    assertThat(decision.ruleId()).isEqualTo("district-unknown");
    assertThat(decision.topicCode()).isEqualTo("wage-arrears");
    assertThat(decision.primaryUnit()).isEqualTo("district");
    assertThat(decision.dueAt()).isNull();
    assertThat(decision.reason())
        .endsWith("；「工资纠纷」由属地办理但区县不明，转人工分派 (district needed but unknown: 地址和诉求内容中没有西宁市区县的地名)");
  }

  @Test
  void anAppealAnsweredOnTheCallIsTheHotlinesDueAtOnceWithOnlyItsTopicFromTheRules() {
    var ticket = ticket("暖气不热。", null, null, null, "2026-01-31T10:00:00+08:00");
    var writer =
        new DecisionWriter(ticket, "writer-1", new DistrictMatch(null, "", ""), Fixtures.CATALOG);

    var decision = writer.answeredOnCall(Optional.of(wages.proposal()));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.DIRECT);
    assertThat(decision.ruleId()).isEqualTo("answered-on-call");
    assertThat(decision.topicCode()).isEqualTo("wage-arrears");
    assertThat(decision.primaryUnit()).isEqualTo("hotline");
    assertThat(decision.dueAt()).isEqualTo(ticket.receivedAt());
    assertThat(decision.priority()).isEqualTo(Priority.NORMAL);
    assertThat(decision.wordsHit()).isEmpty();
  }

  private static Route routeFor(String content) {
    var rules =
        Fixtures.rules(
            """
            version: writer-1
            rules:
              - id: wages
                description: 拖欠工资
                when: {allOf: [[拖欠], [工资]]}
                then: {topic: wage-arrears}
            """);
    var ticket = ticket(content, null, null, null, "2026-02-12T10:00:00+08:00");
    var proposal = new RuleStep().firstMatch(rules, rules.factsOf(ticket, null)).orElseThrow();
    return Route.of(proposal, Fixtures.CATALOG);
  }

  private static DecisionWriter writer(DistrictMatch district) {
    var ticket = ticket("包工头拖欠工资两万元。", null, null, null, "2026-02-12T10:00:00+08:00");
    return new DecisionWriter(ticket, "writer-1", district, Fixtures.CATALOG);
  }
}
