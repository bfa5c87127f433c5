package cn.gov.xining.hotline.reporting.reports;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.reporting.figures.FigureSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

  @Bean
  Reports reports(FigureSource figures, Catalog catalog, ReportingProperties properties) {
    return new Reports(figures, catalog, properties);
  }
}
