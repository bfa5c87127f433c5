package cn.gov.xining.hotline.routing.engine;

import static cn.gov.xining.hotline.routing.engine.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import org.junit.jupiter.api.Test;

/**
 * The kinds of wording issue 16 found routed wrongly, through the production rules and model: the
 * whole text decides, not one word of it, and nothing that asks a unit to act is closed as a
 * consultation.
 */
class WholeTextTest {

  private final Router router = Fixtures.defaultEngine();

  @Test
  void aComplaintPhrasedAsAQuestionIsNotClosedAsAConsultation() {
    var wages = route("请问我在城北区一个工地干了三个月，老板一直拖着工资不给，能不能帮我问问该找谁？");
    var heating = route("想咨询一下，我家城西区胜利路的暖气一直不热，交了取暖费为什么没人来修？");

    assertThat(wages.outcome()).isEqualTo(RoutingOutcome.TRANSFER);
    assertThat(wages.topicCode()).isEqualTo("wage-arrears");
    assertThat(heating.outcome()).isEqualTo(RoutingOutcome.TRANSFER);
    assertThat(heating.topicCode()).isEqualTo("heating");
  }

  @Test
  void aQuestionThatAsksNothingOfAUnitIsStillAnsweredDirectly() {
    var decision = route("请问办理居住证需要准备哪些材料，在哪里办理？");

    assertThat(decision.outcome()).isEqualTo(RoutingOutcome.DIRECT);
    assertThat(decision.topicCode()).isEqualTo("policy-consultation");
  }

  @Test
  void aTopicDescribedByItsEffectsIsRecognised() {
    assertThat(route("城东区八一路一个工地的渣土车进进出出都不盖篷布，路面全是泥，车上落了厚厚一层灰").topicCode()).isEqualTo("dust");
    assertThat(route("城中区南大街的雨水篦子被冰和泥沙堵死了，一化雪整条路都是水，行人没法走").topicCode()).isEqualTo("waterlogging");
    assertThat(route("城北区某小区楼上住户每天半夜拖椅子、走路咚咚响，我们全家都睡不着").topicCode()).isEqualTo("noise-social");
  }

  @Test
  void oneWordDoesNotDecideAgainstTheWholeText() {
    var estateFees = route("城西区某小区物业每月在物业费里加收二次供水加压费，问了也不给解释，收费明细也不公示，要求物业说清楚");

    assertThat(estateFees.topicCode()).isEqualTo("property-management");
  }

  @Test
  void aDecisionTheModelMadeSaysWhichWordsWeighedMost() {
    var decision = route("请问我在城北区一个工地干了三个月，老板一直拖着工资不给，能不能帮我问问该找谁？");

    assertThat(decision.wordsHit()).isNotEmpty();
    assertThat(decision.reason()).contains("工资");
  }

  private RoutingDecision route(String content) {
    return router.decide(ticket(content, null, null, null, "2026-01-31T10:00:00+08:00"));
  }
}
