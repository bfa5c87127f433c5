package cn.gov.xining.hotline.handling.cases;

import cn.gov.xining.hotline.catalog.calendar.CalendarProperties;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working calendar the deadline watch measures time limits on, from the same setting as
 * routing's, so a warning counts the days the time limit was counted on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

  @Bean
  WorkingCalendar workingCalendar(CalendarProperties properties) {
    return WorkingCalendar.load(properties.location());
  }
}
