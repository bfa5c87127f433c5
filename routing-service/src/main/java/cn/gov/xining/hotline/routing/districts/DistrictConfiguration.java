package cn.gov.xining.hotline.routing.districts;

import cn.gov.xining.hotline.catalog.Catalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One resolver for the service, built at start-up so a bad gazetteer stops the service there. */
@Configuration(proxyBeanMethods = false)
class DistrictConfiguration {

  @Bean
  DistrictResolver districtResolver(Catalog catalog, GazetteerProperties gazetteer) {
    return DistrictResolver.load(catalog, gazetteer.location());
  }
}
