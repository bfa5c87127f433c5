package cn.gov.xining.hotline.intake.callers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CallerPrivacyTest {

  private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String KEY_B =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  private final CallerPrivacy privacy = new CallerPrivacy(new PrivacyProperties(KEY_A, KEY_B));

  @Test
  void aMobileNumberShowsOnlyItsFirstThreeAndLastFourDigits() {
    assertThat(CallerPrivacy.mask("13812345678")).isEqualTo("138****5678");
    assertThat(CallerPrivacy.mask("+86 138-1234-5678")).isEqualTo("138****5678");
    assertThat(CallerPrivacy.mask("0971-8123456")).isEqualTo("097****3456");
  }

  @Test
  void theHashIsTheSameForEveryWayOfWritingANumberAndDependsOnTheKey() {
    var otherKey = new CallerPrivacy(new PrivacyProperties(KEY_A, KEY_A));

    assertThat(privacy.hash("13812345678")).isEqualTo(privacy.hash("+86 138 1234 5678"));
    assertThat(privacy.hash("13812345678")).isNotEqualTo(privacy.hash("13812345679"));
    assertThat(otherKey.hash("13812345678")).isNotEqualTo(privacy.hash("13812345678"));
    assertThat(privacy.hash("13812345678")).doesNotContain("12345678");
  }

  @Test
  void encryptedDetailsReadBackButNeverShowTheNumberAndDifferEachTime() {
    String first = privacy.encrypt("13812345678");
    String second = privacy.encrypt("13812345678");

    assertThat(first).isNotEqualTo(second).doesNotContain("12345678");
    assertThat(privacy.decrypt(first)).isEqualTo("13812345678");
    assertThat(privacy.decrypt(privacy.encrypt("王女士"))).isEqualTo("王女士");
  }

  @Test
  void aKeyOfTheWrongLengthStopsTheServiceAtStartUp() {
    assertThatThrownBy(() -> new CallerPrivacy(new PrivacyProperties("c2hvcnQ=", KEY_B)))
        .hasMessageContaining("encryption-key must be 32 bytes");
  }
}
