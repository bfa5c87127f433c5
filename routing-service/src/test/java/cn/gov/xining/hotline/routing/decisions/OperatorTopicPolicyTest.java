package cn.gov.xining.hotline.routing.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.CatalogLoader;
import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class OperatorTopicPolicyTest {

  private final RoutingPolicy policy =
      new OperatorTopicPolicy(
          CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml")));

  static TicketReceived ticket(String topicCode, String districtCode) {
    return new TicketReceived(
        UUID.randomUUID(),
        "260131-01-0001",
        OffsetDateTime.parse("2026-01-31T09:00:00+08:00"),
        "hotline-phone",
        AppealType.COMPLAINT,
        "来电人反映情况",
        null,
        districtCode,
        topicCode);
  }

  @Test
  void routesUnpaidWagesToLabourInspectionWithTheDistrictAssisting() {
    var decision = policy.decide(ticket("wage-arrears", "630105"));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRANSFER);
    assertThat(decision.primaryUnit()).isEqualTo("hrss");
    assertThat(decision.assistingUnits()).containsExactly("gov-630105");
    assertThat(decision.ruleId()).isEqualTo("operator-topic:wage-arrears");
    assertThat(decision.reason()).contains("工资纠纷");
  }

  @Test
  void garbageIsLedByTheDistrictGovernmentWithUrbanManagementAssisting() {
    var decision = policy.decide(ticket("garbage", "630102"));

    assertThat(decision.primaryUnit()).isEqualTo("gov-630102");
    assertThat(decision.assistingUnits()).containsExactly("urban-management");
  }

  @Test
  void ecologicalDamageBringsInTheEcologyBureauAndTheDistrict() {
    var decision = policy.decide(ticket("ecological-damage", "630106"));

    assertThat(decision.primaryUnit()).isEqualTo("natural-resources");
    assertThat(decision.assistingUnits()).containsExactly("ecology", "gov-630106");
  }

  @Test
  void waterSupplyNeedsNoDistrictToBeTransferred() {
    var decision = policy.decide(ticket("water-supply", null));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRANSFER);
    assertThat(decision.primaryUnit()).isEqualTo("water");
    assertThat(decision.assistingUnits()).isEmpty();
  }

  @Test
  void policyQuestionsAreAnsweredDirectlyByTheHotline() {
    var decision = policy.decide(ticket("policy-consultation", null));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.DIRECT);
    assertThat(decision.primaryUnit()).isEqualTo("hotline");
  }

  @Test
  void heatingWithoutADistrictGoesToTriageRatherThanToAGuess() {
    var decision = policy.decide(ticket("heating", null));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRIAGE);
    assertThat(decision.primaryUnit()).isNull();
    assertThat(decision.ruleId()).isEqualTo("district-unknown");
  }

  @Test
  void aTicketWithoutATopicGoesToTriage() {
    var decision = policy.decide(ticket(null, "630104"));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRIAGE);
    assertThat(decision.ruleId()).isEqualTo("no-topic");
  }
}
