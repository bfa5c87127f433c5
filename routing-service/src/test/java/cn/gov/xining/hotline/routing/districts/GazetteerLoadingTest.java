package cn.gov.xining.hotline.routing.districts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.CatalogLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class GazetteerLoadingTest {

  private static final Catalog catalog =
      CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml"));

  private static final String UNKNOWN_DISTRICT =
      """
      districts:
        - code: "630199"
          places: [某某镇]
      """;

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean(Catalog.class, () -> catalog)
          .withUserConfiguration(GazetteerPropertiesEnabled.class, DistrictConfiguration.class);

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(GazetteerProperties.class)
  static class GazetteerPropertiesEnabled {}

  @Test
  void theServiceResolvesWithTheCatalogAndTheDefaultGazetteer() {
    context.run(
        started -> {
          var resolver = started.getBean(DistrictResolver.class);
          // 塔尔寺 is only in the gazetteer file, 城关镇 only in the catalog
          assertThat(resolver.resolve("鲁沙尔镇塔尔寺", null).districtCode()).isEqualTo("630106");
          assertThat(resolver.resolve("湟源县城关镇", null).districtCode()).isEqualTo("630123");
        });
  }

  @Test
  void refusesAGazetteerNamingADistrictCodeNotInTheCatalog() {
    var gazetteer = new ByteArrayResource(UNKNOWN_DISTRICT.getBytes(StandardCharsets.UTF_8), "bad");

    assertThatThrownBy(() -> DistrictResolver.load(catalog, gazetteer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("630199")
        .hasMessageContaining("not in the catalog");
  }

  @Test
  void theServiceDoesNotStartWithAGazetteerNamingAnUnknownDistrict(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("places.yaml"), UNKNOWN_DISTRICT);

    context
        .withPropertyValues("hotline.routing.gazetteer.location=" + file.toUri())
        .run(started -> assertThat(started).hasFailed());
  }

  @Test
  void refusesAPlaceOfADistrictListedAsOutsideTheCity() {
    var gazetteer =
        new ByteArrayResource(
            "elsewhere: [塔尔镇]\n".getBytes(StandardCharsets.UTF_8), "contradictory");

    assertThatThrownBy(() -> DistrictResolver.load(catalog, gazetteer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("塔尔镇");
  }
}
