package cn.gov.xining.hotline.intake.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalNumbersTest {

  @Test
  void masksAMobileNumberHoweverItIsWrittenKeepingItsFirstThreeAndLastFourDigits() {
    assertThat(PersonalNumbers.mask("请回电13812345678，谢谢")).isEqualTo("请回电138****5678，谢谢");
    assertThat(PersonalNumbers.mask("电话 138-1234-5678")).isEqualTo("电话 138-****-5678");
    assertThat(PersonalNumbers.mask("+86 138 1234 5678")).isEqualTo("+86 138 **** 5678");
  }

  @Test
  void masksALandlineWithItsAreaCode() {
    assertThat(PersonalNumbers.mask("座机0971-8123456")).isEqualTo("座机0971-****456");
  }

  @Test
  void masksAResidentIdNumberWhoseCheckDigitHoldsAndLeavesOtherEighteenDigitNumbers() {
    assertThat(PersonalNumbers.mask("身份证号630102198503120410，身份证11010519491231002X"))
        .isEqualTo("身份证号630102********0410，身份证110105********002X");
    // the same digits with a wrong check digit: an order number, say, left as it is
    assertThat(PersonalNumbers.mask("订单号630102198503120411")).isEqualTo("订单号630102198503120411");
  }

  @Test
  void masksABankCardNumberWhoseLuhnDigitHolds() {
    assertThat(PersonalNumbers.mask("工资卡6222020200112233446没到账"))
        .isEqualTo("工资卡6222***********3446没到账");
    assertThat(PersonalNumbers.mask("卡号 6217 0012 3456 7893")).isEqualTo("卡号 6217 **** **** 7893");
    assertThat(PersonalNumbers.mask("流水号6217001234567890")).isEqualTo("流水号6217001234567890");
  }

  @Test
  void leavesAmountsDatesAndShortNumbersAlone() {
    String text = "2026年3月拖欠工资23000元，共3个月，门牌号12号楼1203室，邮编810000";

    assertThat(PersonalNumbers.mask(text)).isEqualTo(text);
    assertThat(PersonalNumbers.holdsAny(text)).isFalse();
  }

  @Test
  void masksNumbersTypedFullWidthBracketedOrAfterALabel() {
    assertThat(PersonalNumbers.mask("电话１３８１２３４５６７８")).isEqualTo("电话138****5678");
    assertThat(PersonalNumbers.mask("（0971）8123456")).isEqualTo("(0971)****456");
    assertThat(PersonalNumbers.mask("Tel13812345678，ID11010519491231002X"))
        .isEqualTo("Tel138****5678，ID110105********002X");
    assertThat(PersonalNumbers.mask("身份证１１０１０５１９４９１２３１００２Ｘ")).isEqualTo("身份证110105********002X");
  }

  @Test
  void masksEveryNumberInOneText() {
    String masked =
        PersonalNumbers.mask("我叫张三，13812345678，身份证630102198503120410，卡6217001234567893");

    assertThat(PersonalNumbers.holdsAny(masked)).isFalse();
    assertThat(masked).doesNotContain("12345678", "19850312", "00123456");
  }
}
