package cn.gov.xining.hotline.routing.deadlines;

import cn.gov.xining.hotline.catalog.calendar.CalendarProperties;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working calendar, loaded and checked at start-up, and the deadlines computed on it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class DeadlinesConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DeadlinesConfiguration.class);

  @Bean
  WorkingCalendar workingCalendar(CalendarProperties properties, Clock clock) {
    var calendar = WorkingCalendar.load(properties.location());
    warnAboutTheYearsAhead(calendar, HotlineTime.dayOf(HotlineTime.now(clock)).getYear());
    return calendar;
  }

  @Bean
  Deadlines deadlines(WorkingCalendar calendar) {
    return new Deadlines(calendar);
  }

  // Not a start-up failure: the service keeps routing and only working-day deadlines past the
  // covered years fail, but whoever reads the log learns to add the new notice before then.
  private static void warnAboutTheYearsAhead(WorkingCalendar calendar, int thisYear) {
    for (int year = thisYear; year <= thisYear + 1; year++) {
      if (!calendar.coveredYears().contains(year)) {
        log.warn("working calendar does not cover {}; working-day deadlines there will fail", year);
      } else if (calendar.isProvisional(year)) {
        log.warn(
            "working calendar for {} is provisional (statutory holidays only);"
                + " replace it with the State Council notice when published",
            year);
      }
    }
  }
}
