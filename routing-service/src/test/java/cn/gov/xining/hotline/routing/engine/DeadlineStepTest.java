package cn.gov.xining.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.Catalog;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DeadlineStepTest {

  private final DeadlineStep step = new DeadlineStep(Fixtures.deadlines());

  @Test
  void aLimitInWorkingDaysIsDueAfterTheLastWorkingDayPastTheHolidays() {
    // five working days after 12 February 2026 run past the Spring Festival holiday
    var deadline =
        step.dueAt(
            OffsetDateTime.parse("2026-02-12T10:00:00+08:00"), new Catalog.TimeLimit(null, 5));

    assertThat(deadline.covered()).isTrue();
    assertThat(deadline.dueAt()).isEqualTo(OffsetDateTime.parse("2026-02-27T00:00:00+08:00"));
    assertThat(deadline.uncoveredDay()).isNull();
  }

  @Test
  void aLimitThatRunsPastTheCalendarHasNoDueTimeButNamesTheDayItCouldNotCount() {
    var deadline =
        step.dueAt(
            OffsetDateTime.parse("2027-12-30T10:00:00+08:00"), new Catalog.TimeLimit(null, 5));

    assertThat(deadline.covered()).isFalse();
    assertThat(deadline.dueAt()).isNull();
    assertThat(deadline.uncoveredDay().getYear()).isEqualTo(2028);
  }

  @Test
  void aLimitInHoursIgnoresTheCalendarEvenBeyondItsYears() {
    var deadline =
        step.dueAt(
            OffsetDateTime.parse("2030-06-01T10:00:00+08:00"), new Catalog.TimeLimit(24, null));

    assertThat(deadline.dueAt()).isEqualTo(OffsetDateTime.parse("2030-06-02T10:00:00+08:00"));
  }
}
