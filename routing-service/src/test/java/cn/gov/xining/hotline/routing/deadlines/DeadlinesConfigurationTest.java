package cn.gov.xining.hotline.routing.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.Catalog.TimeLimit;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DeadlinesConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(DeadlinesConfiguration.class)
          .withBean(
              Clock.class,
              () -> Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC));

  @Test
  void byDefaultTheBundledCalendarBacksTheDeadlines() {
    runner.run(
        context -> {
          assertThat(context.getBean(WorkingCalendar.class).coveredYears())
              .contains(2024, 2025, 2026, 2027);
          assertThat(
                  context
                      .getBean(Deadlines.class)
                      .dueAt(
                          OffsetDateTime.parse("2026-09-18T10:00+08:00"), new TimeLimit(null, 3)))
              .isEqualTo(OffsetDateTime.parse("2026-09-23T00:00+08:00"));
        });
  }

  @Test
  void aConfiguredCalendarThatCannotBeReadStopsTheStart() {
    runner
        .withPropertyValues("hotline.calendar.location=classpath:calendar/missing.yaml")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("missing.yaml"));
  }
}
