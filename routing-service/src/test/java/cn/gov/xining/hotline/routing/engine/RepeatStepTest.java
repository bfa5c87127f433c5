package cn.gov.xining.hotline.routing.engine;

import static cn.gov.xining.hotline.routing.engine.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.contract.OpenTicket;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RepeatStepTest {

  private final Router engine = Fixtures.defaultEngine();
  private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-02-06T17:00:00+08:00");

  @Test
  void anAppealInTheOpenTicketsTopicJoinsItsCaseWithItsUnitAndTimeLimit() {
    var decision =
        engine.decide(
            ticket(
                    "城北区柴达木路218号工地老板拖欠我们三个月工资。",
                    "城北区柴达木路218号",
                    null,
                    null,
                    "2026-01-31T10:00:00+08:00")
                .repeating(new OpenTicket("260130-01-0007", "wage-arrears", "hrss", DUE)));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.LINKED);
    assertThat(decision.repeatOf()).isEqualTo("260130-01-0007");
    assertThat(decision.primaryUnit()).isEqualTo("hrss");
    assertThat(decision.assistingUnits()).isEmpty();
    assertThat(decision.dueAt()).isEqualTo(DUE);
    assertThat(decision.ruleId()).isEqualTo("repeat-appeal");
    assertThat(decision.reason()).startsWith("重复件").contains("260130-01-0007");
  }

  @Test
  void anotherProblemAtTheSamePlaceIsTransferredOnItsOwnAndSaysWhyItWasNotLinked() {
    var decision =
        engine.decide(
            ticket(
                    "金塔小区5号楼电梯坏了一周，老人上不了楼，物业不管。",
                    "湟中区金塔小区5号楼",
                    null,
                    null,
                    "2026-01-31T10:00:00+08:00")
                .repeating(new OpenTicket("260130-01-0008", "heating", "heating", DUE)));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.TRANSFER);
    assertThat(decision.repeatOf()).isNull();
    assertThat(decision.topicCode()).isNotEqualTo("heating");
    assertThat(decision.reason()).contains("260130-01-0008").contains("不并案");
  }

  @Test
  void aQuestionTheHotlineAnswersItselfIsNeverLinked() {
    var decision =
        engine.decide(
            ticket(
                    "请问社保卡补办需要带什么材料？",
                    null,
                    "630104",
                    "policy-consultation",
                    "2026-01-31T10:00:00+08:00")
                .repeating(
                    new OpenTicket("260130-01-0009", "policy-consultation", "hotline", DUE)));

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.DIRECT);
    assertThat(decision.repeatOf()).isNull();
  }
}
