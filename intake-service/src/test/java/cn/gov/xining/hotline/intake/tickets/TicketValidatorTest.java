package cn.gov.xining.hotline.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.CatalogLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class TicketValidatorTest {

  private final TicketValidator validator =
      new TicketValidator(
          CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml")),
          Clock.fixed(Instant.parse("2026-01-31T02:00:00Z"), ZoneOffset.UTC));

  private static TicketRequest heatingCall() {
    return new TicketRequest(
        "hotline-phone", "COMPLAINT", "家中暖气不热，室温只有15度。", "城西区胜利路", "630104", "heating");
  }

  @Test
  void aCompleteHeatingCallIsValid() {
    assertThat(validator.violations(heatingCall())).isEmpty();
  }

  @Test
  void onlyChannelAndContentAreRequired() {
    var minimal = new TicketRequest("letter", null, "来信反映噪声扰民", null, null, null);

    assertThat(validator.violations(minimal)).isEmpty();
  }

  @Test
  void everyWrongFieldIsNamedAndUnknownCodesListTheValidOnes() {
    var wrong = new TicketRequest("fax", "GOSSIP", " ", null, "630199", "potholes");

    var violations = validator.violations(wrong);

    assertThat(violations)
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder("channel", "appealType", "content", "districtCode", "topicCode");
    assertThat(violations)
        .filteredOn(v -> v.field().equals("districtCode"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.message()).contains("630199");
              assertThat(v.allowed()).contains("630102", "630121", "630123").hasSize(7);
            });
    assertThat(violations)
        .filteredOn(v -> v.field().equals("channel"))
        .singleElement()
        .satisfies(v -> assertThat(v.allowed()).contains("hotline-phone", "mayor-mailbox"));
  }

  @Test
  void contentIsCountedInCharactersAsAReaderCountsThem() {
    String fourThousandIdeographs = "暖".repeat(4000);
    String rareIdeographs = "𠀀".repeat(4000); // outside the BMP: two chars each in Java

    assertThat(validator.violations(withContent(fourThousandIdeographs))).isEmpty();
    assertThat(validator.violations(withContent(rareIdeographs))).isEmpty();
    assertThat(validator.violations(withContent(fourThousandIdeographs + "。")))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("最多4000字", "当前4001字"));
  }

  @Test
  void theOptionalFieldsAreCheckedAndEveryProblemNamed() {
    var request =
        new TicketRequest(
            "hotline-phone",
            null,
            "来电人咨询",
            null,
            null,
            null,
            "2026-03-01T09:00:00+08:00",
            null,
            "12345",
            36.6,
            null,
            true,
            " ",
            null,
            List.of("ftp://x", "https://ok.example/a"));

    assertThat(validator.violations(request))
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder(
            "receivedAt", "callerPhone", "latitude", "answer", "attachments");
  }

  @Test
  void coordinatesThatAreNotFiniteNumbersAreRefused() {
    for (double notANumber : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      var request =
          new TicketRequest(
              "wechat-snapshot",
              null,
              "井盖丢失",
              null,
              null,
              null,
              null,
              null,
              null,
              notANumber,
              101.7,
              false,
              null,
              null,
              null);

      assertThat(validator.violations(request))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.field()).isEqualTo("latitude");
                assertThat(v.message()).contains("有限");
              });
    }
  }

  @Test
  void controlCharactersInTextAreRefusedButLineBreaksAndTabsAreText() {
    assertThat(validator.violations(withContent("\u0001".repeat(4000))))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("content");
              assertThat(v.message()).contains("控制字符");
            });
    assertThat(validator.violations(withContent("第一行\n第二行\r\n\t缩进"))).isEmpty();
  }

  @Test
  void aLetterReceivedYesterdayWithALandlineAndAPlaceIsValid() {
    var request =
        new TicketRequest(
            "letter",
            "REPORT",
            "来信反映",
            "城中区南大街",
            "630103",
            null,
            "2026-01-30T15:00:00+08:00",
            "李先生",
            "0971-8123456",
            36.62,
            101.78,
            false,
            null,
            "第十一批",
            List.of("https://files.example/letter.pdf"));

    assertThat(validator.violations(request)).isEmpty();
  }

  private static TicketRequest withContent(String content) {
    var call = heatingCall();
    return new TicketRequest(
        call.channel(),
        call.appealType(),
        content,
        call.address(),
        call.districtCode(),
        call.topicCode());
  }
}
