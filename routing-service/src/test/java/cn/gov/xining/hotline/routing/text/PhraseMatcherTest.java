package cn.gov.xining.hotline.routing.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

  @Test
  void findsEveryPhraseIncludingOnesInsideLongerOnes() {
    var matcher = new PhraseMatcher(List.of("新庄镇", "上新庄镇", "城中区", "城中"));

    var found = matcher.find("湟中区上新庄镇某工地，城中村");

    assertThat(found)
        .extracting(o -> matcher.phrase(o.phrase()) + "@" + o.start())
        .containsExactlyInAnyOrder("上新庄镇@3", "新庄镇@4", "城中@11");
  }

  @Test
  void findsRepeatedAndOverlappingOccurrences() {
    var matcher = new PhraseMatcher(List.of("拖欠", "欠薪", "拖欠工资"));

    var found = matcher.find("拖欠工资，欠薪，又拖欠");

    assertThat(found)
        .extracting(o -> matcher.phrase(o.phrase()))
        .containsExactly("拖欠", "拖欠工资", "欠薪", "拖欠");
  }

  @Test
  void textWithoutAnyPhraseFindsNothing() {
    assertThat(new PhraseMatcher(List.of("暖气")).find("自来水发黄")).isEmpty();
  }
}
