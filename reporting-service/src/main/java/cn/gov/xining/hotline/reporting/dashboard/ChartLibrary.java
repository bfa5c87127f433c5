package cn.gov.xining.hotline.reporting.dashboard;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's chart library (Apache ECharts) from its webjar, {@code
 * /webjars/echarts/5.3.1/dist/echarts.min.js}, as Spring Boot serves webjars but kept by browsers:
 * its path names the version, so a new version is a new address, and a megabyte of script is not
 * fetched again at every refresh. Registered before Spring Boot's own webjars mapping, which then
 * stands aside.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChartLibrary implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
  }
}
