package cn.gov.xining.hotline.routing.engine;

import static cn.gov.xining.hotline.routing.engine.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouterTest {

  private final Router engine = Fixtures.defaultEngine();

  @Test
  void routesUnpaidWagesToLabourInspectionWithTheDistrictAssisting() {
    var decision =
        engine.decide(
            ticket("多巴镇一个砖厂老板跑路了，三个月没给钱。", null, null, null, "2026-01-31T10:00:00+08:00"));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRANSFER);
    assertThat(decision.topicCode()).isEqualTo("wage-arrears");
    assertThat(decision.primaryUnit()).isEqualTo("hrss");
    assertThat(decision.assistingUnits()).containsExactly("gov-630106");
    assertThat(decision.districtExplanation()).contains("多巴镇");
  }

  @Test
  void aFireLaneBlockedByParkedCarsIsAFireHazardNotAParkingProblem() {
    var decision =
        engine.decide(
            ticket(
                "小区消防通道被私家车长期占用，晚上停得满满的。", "城东区八一路某小区", null, null, "2026-01-31T10:00:00+08:00"));

    assertThat(decision.topicCode()).isEqualTo("fire-hazard");
    assertThat(decision.priority()).isEqualTo(Priority.URGENT);
    assertThat(decision.primaryUnit()).isEqualTo("fire");
  }

  @Test
  void noHeatInTheHeatingSeasonIsUrgentButAHeatingFeeQuestionInSummerIsNot() {
    var winter =
        engine.decide(ticket("家里暖气不热，室温只有十二度。", "城西区胜利路", null, null, "2026-01-05T10:00:00+08:00"));
    var summer =
        engine.decide(
            ticket("空置房已申请停供，供热公司仍要求全额缴纳取暖费。", "城西区胜利路", null, null, "2026-07-05T10:00:00+08:00"));

    assertThat(winter.ruleId()).isEqualTo("heating-in-season");
    assertThat(winter.priority()).isEqualTo(Priority.URGENT);
    assertThat(summer.ruleId()).isEqualTo("heating");
    assertThat(summer.priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void theOperatorsTopicWinsWhenTheContentSupportsIt() {
    var decision =
        engine.decide(ticket("请问供暖费怎么计算？", null, "630104", "heating", "2026-01-31T10:00:00+08:00"));

    assertThat(decision.ruleId()).isEqualTo("operator-topic");
    assertThat(decision.topicCode()).isEqualTo("heating");
  }

  @Test
  void anOperatorTopicThatContradictsTheContentGoesToTriage() {
    var decision =
        engine.decide(
            ticket("工地包工头拖欠我们三个月工资。", null, "630104", "noise-social", "2026-01-31T10:00:00+08:00"));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRIAGE);
    assertThat(decision.ruleId()).isEqualTo("operator-content-conflict");
    assertThat(decision.reason()).contains("社会生活噪声", "工资纠纷");
  }

  @Test
  void garbageWhoseDistrictIsUnknownWaitsInTriageWithItsProposedRoute() {
    var decision =
        engine.decide(ticket("村口垃圾池满了半个月没人拉。", null, null, null, "2026-01-31T10:00:00+08:00"));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRIAGE);
    assertThat(decision.ruleId()).isEqualTo("district-unknown");
    assertThat(decision.topicCode()).isEqualTo("garbage");
    assertThat(decision.primaryUnit()).isEqualTo("district");
    assertThat(decision.dueAt()).isNull();
  }

  @Test
  void anAppealTheOperatorAnsweredOnTheCallIsDirectWithItsTopicNamed() {
    var answered =
        new TicketReceived(
            UUID.randomUUID(),
            "260131-01-0002",
            OffsetDateTime.parse("2026-01-31T10:00:00+08:00"),
            "hotline-phone",
            AppealType.CONSULTATION,
            "家里暖气不热，室温只有十二度。",
            "城西区胜利路",
            null,
            null,
            null,
            null,
            null,
            null,
            true,
            "已告知供热企业报修电话",
            null,
            List.of());

    var decision = engine.decide(answered);

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.DIRECT);
    assertThat(decision.ruleId()).isEqualTo("answered-on-call");
    assertThat(decision.topicCode()).isEqualTo("heating");
    assertThat(decision.primaryUnit()).isEqualTo("hotline");
  }

  @Test
  void aComplaintNoRuleUnderstandsGoesToTriage() {
    var decision =
        engine.decide(ticket("我要反映一个情况。", null, null, null, "2026-01-31T10:00:00+08:00"));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRIAGE);
    assertThat(decision.ruleId()).isEqualTo("no-rule");
  }

  @Test
  void policyQuestionsAreAnsweredDirectlyAndAreDueAtOnce() {
    var decision =
        engine.decide(ticket("请问办理居住证需要哪些材料，去哪里办？", null, null, null, "2026-01-31T10:00:00+08:00"));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.DIRECT);
    assertThat(decision.primaryUnit()).isEqualTo("hotline");
    assertThat(decision.dueAt()).isEqualTo("2026-01-31T10:00:00+08:00");
  }

  @Test
  void anUrgentHazardStaysUrgentWhenTheOperatorChoseItsTopic() {
    var decision =
        engine.decide(
            ticket("楼道里有人给电动车充电。", "城东区八一路", null, "fire-hazard", "2026-01-31T10:00:00+08:00"));

    assertThat(decision.ruleId()).isEqualTo("operator-topic");
    assertThat(decision.priority()).isEqualTo(Priority.URGENT);
  }

  @Test
  void aDeadlineBeyondTheWorkingCalendarSendsTheTicketToTriageInsteadOfLosingIt() {
    var decision =
        engine.decide(ticket("工地老板拖欠工资三个月。", "城北区柴达木路", null, null, "2027-12-30T10:00:00+08:00"));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRIAGE);
    assertThat(decision.ruleId()).isEqualTo("calendar-not-covered");
    assertThat(decision.topicCode()).isEqualTo("wage-arrears");
    assertThat(decision.primaryUnit()).isEqualTo("hrss");
  }

  @Test
  void aRegexIsMatchedInLinearTimeSoNestedRepetitionCannotHoldATicket() {
    // given a rule a backtracking engine tries some 10^11 ways to match on 40 letters and a stop
    // (Java's own Pattern memoizes the classic ^(a+)+$, not this)
    var rules = Fixtures.defaultRules(null);
    rules.replace(
        """
        version: nested-repetition
        rules:
          - id: twenty-letters
            when: {regex: "(.*a){20}$"}
            then: {topic: water-supply}
        """);
    var engine = Fixtures.engine(rules);
    var content = "a".repeat(40) + "!";

    // when a ticket reads like that, then it is decided at once
    var decision =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> engine.decide(ticket(content, null, null, null, "2026-01-31T10:00:00+08:00")));
    assertThat(decision.ruleId()).isNotEqualTo("twenty-letters");
    // and the rule is in force: twenty letters match it
    var twenty = ticket("a".repeat(20), null, null, null, "2026-01-31T10:00:00+08:00");
    assertThat(engine.decide(twenty).ruleId()).isEqualTo("twenty-letters");
  }

  @Test
  void aDecisionUsesTheRuleSetItIsGivenWhateverIsInForce() {
    var given =
        Fixtures.rules(
            """
            version: given-1
            rules:
              - id: water
                when: {anyOf: [水]}
                then: {topic: water-supply}
            """);

    var decision =
        engine.decide(ticket("小区停水两天了。", null, null, null, "2026-01-31T10:00:00+08:00"), given);

    assertThat(decision.ruleSetVersion()).isEqualTo("given-1+model-0");
    assertThat(decision.ruleId()).isEqualTo("water");
  }

  @Test
  void aTicketNamingCodesTheCatalogDoesNotKnowIsNotDecidedRatherThanSentToAUnitThatDoesNotExist() {
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            "260131-01-0001",
            OffsetDateTime.parse("2026-01-31T10:00:00+08:00"),
            "fax",
            AppealType.COMPLAINT,
            "工地老板拖欠工资三个月。",
            null,
            "999999",
            "no-such-topic");

    assertThatThrownBy(() -> engine.decide(ticket))
        .hasMessageContaining("260131-01-0001")
        .hasMessageContaining("channel: ")
        .hasMessageContaining("districtCode: ")
        .hasMessageContaining("topicCode: ");
  }

  @Test
  void aTicketReceivedAtTheEndsOfTimeIsNotDecidedAndSaysWhy() {
    for (String receivedAt :
        new String[] {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"}) {
      assertThatThrownBy(() -> engine.decide(ticket("小区停水两天了。", null, null, null, receivedAt)))
          .as(receivedAt)
          .hasMessageContaining("receivedAt: ");
    }
  }
}
