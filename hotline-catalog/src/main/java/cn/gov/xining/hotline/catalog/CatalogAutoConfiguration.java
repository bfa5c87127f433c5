package cn.gov.xining.hotline.catalog;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Gives every service the same catalog bean, so none of them repeats the loading code. */
@AutoConfiguration
@EnableConfigurationProperties(CatalogProperties.class)
public class CatalogAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Catalog catalog(CatalogProperties properties) {
    return CatalogLoader.load(properties.location());
  }
}
