package cn.gov.xining.hotline.routing.engine;

import static cn.gov.xining.hotline.routing.engine.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.routing.districts.DistrictMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistrictStepTest {

  private final DistrictStep step = new DistrictStep(Fixtures.gazetteer());

  @Test
  void theOperatorsDistrictWinsOverWhatTheAddressSays() {
    var district =
        step.locate(ticket("垃圾没人拉。", "城东区八一路", "630104", null, "2026-01-31T10:00:00+08:00"));

    assertThat(district.districtCode()).isEqualTo("630104");
    assertThat(district.explanation()).isEqualTo("接线员已选定区县 (district given by the operator)");
  }

  @Test
  void withoutTheOperatorsDistrictTheGazetteerReadsTheAddressAndTheContent() {
    var district =
        step.locate(ticket("多巴镇一个砖厂老板跑路了。", null, null, null, "2026-01-31T10:00:00+08:00"));

    assertThat(district.districtCode()).isEqualTo("630106");
    assertThat(district.explanation()).contains("多巴镇");
  }

  @Test
  void theDistrictOfARouteBecomesThatDistrictsGovernmentOnceTheDistrictIsKnown() {
    // garbage: the district leads, urban management assists
    var route = Route.of(Fixtures.proposalOf("garbage"), Fixtures.CATALOG);

    var units = step.assignees(route, known("630104"));

    assertThat(units.primary()).isEqualTo("gov-630104");
    assertThat(units.assisting()).containsExactly("urban-management");
  }

  @Test
  void whileTheDistrictIsUnknownTheRouteKeepsDistrictForAPersonToName() {
    var route = Route.of(Fixtures.proposalOf("wage-arrears"), Fixtures.CATALOG);

    var units = step.assignees(route, unknown());

    assertThat(units.primary()).isEqualTo("hrss");
    assertThat(units.assisting()).containsExactly("district");
  }

  @Test
  void aUnitListedTwiceIsAssignedOnceButProposedToTriageAsTheRuleListsIt() {
    var rules =
        Fixtures.rules(
            """
            version: twice
            rules:
              - id: twice
                when: {anyOf: [工资]}
                then: {topic: wage-arrears, primary: hrss, assist: [hrss, district, gov-630104]}
            """);
    var ticket = ticket("工资", null, "630104", null, "2026-01-31T10:00:00+08:00");
    var proposal = new RuleStep().firstMatch(rules, rules.factsOf(ticket, "630104"));
    var route = Route.of(proposal.orElseThrow(), Fixtures.CATALOG);

    assertThat(step.assignees(route, known("630104")).assisting()).containsExactly("gov-630104");
    assertThat(step.proposal(route, known("630104")).assisting())
        .isEqualTo(List.of("gov-630104", "gov-630104"));
  }

  private static DistrictMatch known(String code) {
    return new DistrictMatch(code, "", "试验");
  }

  private static DistrictMatch unknown() {
    return new DistrictMatch(null, "", "不明");
  }
}
