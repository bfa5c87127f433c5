package cn.gov.xining.hotline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class CatalogTest {

  private final Catalog catalog =
      CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml"));

  @Test
  void theDefaultCatalogHasTheCitysChannelsDistrictsAndAllNineteenTopics() {
    assertThat(catalog.channels()).hasSize(9);
    assertThat(catalog.districts())
        .extracting(Catalog.District::code)
        .containsExactly("630102", "630103", "630104", "630105", "630106", "630121", "630123");
    assertThat(catalog.topics()).hasSize(19);
    assertThat(catalog.inconsistencies()).isEmpty();
  }

  @Test
  void wageArrearsIsLedByLabourInspectionWithTheDistrictAssistingWithinFiveWorkingDays() {
    var topic = catalog.topic("wage-arrears").orElseThrow();

    assertThat(topic.primary()).isEqualTo("hrss");
    assertThat(topic.assist()).containsExactly(Catalog.DISTRICT_TARGET);
    assertThat(topic.needsDistrict()).isTrue();
    assertThat(topic.limit().workingDays()).isEqualTo(5);
    assertThat(Catalog.resolveTarget(topic.assist().get(0), "630105")).isEqualTo("gov-630105");
  }

  @Test
  void datongIsKnownByItsShortName() {
    assertThat(catalog.district("630121").orElseThrow().commonName()).isEqualTo("大通县");
    assertThat(catalog.districtNames()).containsEntry("630102", "城东区");
  }

  @Test
  void policyQuestionsAreAnsweredByTheHotlineAndNeedNoDistrict() {
    var topic = catalog.topic("policy-consultation").orElseThrow();

    assertThat(topic.handledByHotline()).isTrue();
    assertThat(topic.needsDistrict()).isFalse();
    assertThat(catalog.assignableUnits()).extracting(Catalog.Unit::code).doesNotContain("hotline");
  }

  @Test
  void aCatalogWhoseTopicNamesAnUnknownUnitIsRefusedAtLoading() {
    String yaml =
        """
        city: {code: "630100", name: 西宁市, timezone: Asia/Shanghai}
        channels: [{code: letter, name: 来信}]
        districts: []
        departments: [{code: hotline, name: 热线}]
        topics:
          - {code: heating, name: 供暖问题, primary: heat-company, assist: [], limit: {hours: 24}}
        """;

    assertThatThrownBy(
            () ->
                CatalogLoader.load(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test"))
        .hasMessageContaining("topic heating names unknown unit heat-company");
  }
}
