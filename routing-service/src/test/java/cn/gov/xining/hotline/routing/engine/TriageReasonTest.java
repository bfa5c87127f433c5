package cn.gov.xining.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TriageReasonTest {

  @Test
  void theIdsPublishedOnRoutingDecisionsStayAsDocumented() {
    assertThat(TriageReason.NO_RULE.ruleId("any")).isEqualTo("no-rule");
    assertThat(TriageReason.OPERATOR_CONTENT_CONFLICT.ruleId("any"))
        .isEqualTo("operator-content-conflict");
    assertThat(TriageReason.CALENDAR_NOT_COVERED.ruleId("any")).isEqualTo("calendar-not-covered");
    assertThat(TriageReason.DISTRICT_UNKNOWN.ruleId("any")).isEqualTo("district-unknown");
    assertThat(TriageReason.MAY_NEED_A_UNIT.ruleId("any")).isEqualTo("may-need-a-unit");
  }

  @Test
  void aRuleThatSendsToTriageIsNamedByItsOwnId() {
    assertThat(TriageReason.RULE_SAYS_TRIAGE.ruleId("petitions")).isEqualTo("petitions");
  }

  @Test
  void aReasonFollowsTheRulesExplanationWithWhyAPersonMustDecide() {
    String text =
        TriageReason.CALENDAR_NOT_COVERED.explain("规则「wage-arrears」拖欠工资", LocalDate.of(2028, 1, 3));

    assertThat(text)
        .isEqualTo(
            "规则「wage-arrears」拖欠工资；工作日历未覆盖2028-01-03，无法计算办理时限，转人工分派"
                + " (the working calendar does not cover it)");
  }

  @Test
  void everyReasonSaysInChineseAndInEnglishThatAPersonDecides() {
    for (var reason : TriageReason.values()) {
      assertThat(reason.explain("甲", "乙", "丙", "丁"))
          .as(reason.name())
          .contains("转人工")
          .endsWith(")");
    }
  }
}
