package cn.gov.xining.hotline.catalog;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Gives every service the same catalog and clock, so none of them repeats the start-up code. */
@AutoConfiguration
@EnableConfigurationProperties(CatalogProperties.class)
public class CatalogAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Catalog catalog(CatalogProperties properties) {
    return CatalogLoader.load(properties.location());
  }

  /** The city's clock: days, deadlines and reports follow the catalog's time zone. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock(Catalog catalog) {
    return Clock.system(ZoneId.of(catalog.city().timezone()));
  }
}
