package cn.gov.xining.hotline.intake.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AppealWordsTest {

  @Test
  void oneProblemToldByTwoCitizensIsSimilarAndTwoProblemsAtOnePlaceAreNot() {
    var places = Set.of("金塔小区");
    String first = "来电人反映金塔小区12号楼暖气不热，室温只有十三度。";
    String second = "请问金塔小区的暖气什么时候能热起来？家里冷得不行。";
    String lift = "金塔小区12号楼电梯坏了一周，老人上不了楼。";

    assertThat(AppealWords.similarity(first, second, places)).isGreaterThanOrEqualTo(0.3);
    assertThat(AppealWords.similarity(first, lift, places)).isLessThan(0.3);
  }

  @Test
  void whatEveryAppealSaysAndThePlaceItselfCountForNothing() {
    assertThat(
            AppealWords.similarity("来电人反映金塔小区问题，希望相关部门尽快处理。", "市民反映金塔小区情况，要求尽快解决。", Set.of("金塔小区")))
        .isZero();
  }
}
