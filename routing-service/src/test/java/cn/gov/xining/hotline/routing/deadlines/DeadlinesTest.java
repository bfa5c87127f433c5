package cn.gov.xining.hotline.routing.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.xining.hotline.catalog.Catalog.TimeLimit;
import cn.gov.xining.hotline.catalog.calendar.DateNotCoveredException;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class DeadlinesTest {

  /** The calendar the services ship, not a copy of it. */
  private final Deadlines deadlines =
      new Deadlines(WorkingCalendar.load(new ClassPathResource("calendar/cn-working-days.yaml")));

  private static TimeLimit hours(int hours) {
    return new TimeLimit(hours, null);
  }

  private static TimeLimit workingDays(int days) {
    return new TimeLimit(null, days);
  }

  private static OffsetDateTime at(String time) {
    return OffsetDateTime.parse(time);
  }

  @Test
  void fiveWorkingDaysFromTheThursdayBeforeSpringFestivalEndAfterTheHoliday() {
    // given a ticket received Thursday 2026-02-12 at 10:00
    var received = at("2026-02-12T10:00+08:00");

    // when
    var due = deadlines.dueAt(received, workingDays(5));

    // then 2-13, 2-14 (Sat, worked), 2-24, 2-25, 2-26: due when 2-26 ends
    assertThat(due).isEqualTo(at("2026-02-27T00:00+08:00"));
  }

  @Test
  void threeWorkingDaysFromFriday18SeptemberCountTheWorkedSunday() {
    // given a ticket received Friday 2026-09-18; Sunday 9-20 is worked for National Day
    var received = at("2026-09-18T16:45+08:00");

    // when
    var due = deadlines.dueAt(received, workingDays(3));

    // then 9-20, 9-21, 9-22
    assertThat(due).isEqualTo(at("2026-09-23T00:00+08:00"));
  }

  @Test
  void theDayOfReceiptNeverCountsEvenWhenReceivedAtMidnight() {
    // given a ticket received the first minute of Monday 2026-03-02
    var received = at("2026-03-02T00:00+08:00");

    // when
    var due = deadlines.dueAt(received, workingDays(1));

    // then the one working day is Tuesday
    assertThat(due).isEqualTo(at("2026-03-04T00:00+08:00"));
  }

  @Test
  void aTicketReceivedAt2330UtcCountsFromTheNextShanghaiDay() {
    // given 23:30 UTC on Thursday 9-17, which is already 07:30 on Friday 9-18 in Shanghai
    var received = at("2026-09-17T23:30Z");

    // when
    var due = deadlines.dueAt(received, workingDays(3));

    // then counted as received on Friday: due at the end of 9-22, in +08:00
    assertThat(due).isEqualTo(at("2026-09-23T00:00+08:00"));
    assertThat(due.getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    // whereas 23:30 on Thursday in Shanghai counts Friday as the first day
    assertThat(deadlines.dueAt(at("2026-09-17T23:30+08:00"), workingDays(3)))
        .isEqualTo(at("2026-09-22T00:00+08:00"));
  }

  @Test
  void anHoursLimitRunsOnTheClockAcrossMidnight() {
    // given a ticket received at 22:30 with a 2-hour limit
    var received = at("2026-03-10T22:30+08:00");

    // when
    var due = deadlines.dueAt(received, hours(2));

    // then
    assertThat(due).isEqualTo(at("2026-03-11T00:30+08:00"));
  }

  @Test
  void anHoursLimitIgnoresHolidays() {
    // given a ticket received the day before National Day with a 72-hour limit
    var received = at("2026-09-30T10:00+08:00");

    // when
    var due = deadlines.dueAt(received, hours(72));

    // then due in the middle of the holiday
    assertThat(due).isEqualTo(at("2026-10-03T10:00+08:00"));
  }

  @Test
  void zeroHoursIsDueAtReceiptWrittenInShanghaiTime() {
    // given a receipt time written in UTC
    var received = at("2026-03-10T20:00Z");

    // when
    var due = deadlines.dueAt(received, hours(0));

    // then the same instant, with the hotline's offset
    assertThat(due).isEqualTo(at("2026-03-11T04:00+08:00"));
    assertThat(due.getOffset()).isEqualTo(ZoneOffset.ofHours(8));
  }

  @Test
  void anHoursLimitNeedsNoCalendarSoWorksInAnUncoveredYear() {
    assertThat(deadlines.dueAt(at("2030-01-01T08:00+08:00"), hours(24)))
        .isEqualTo(at("2030-01-02T08:00+08:00"));
  }

  @Test
  void aWorkingDayLimitInAnUncoveredYearIsRefused() {
    assertThatThrownBy(() -> deadlines.dueAt(at("2023-12-29T09:00+08:00"), workingDays(3)))
        .isInstanceOf(DateNotCoveredException.class)
        .hasMessageContaining("2023-12-29");
  }

  @Test
  void aTimeLimitWithBothOrNeitherPartIsRefused() {
    var received = at("2026-03-10T09:00+08:00");

    assertThatThrownBy(() -> deadlines.dueAt(received, new TimeLimit(24, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> deadlines.dueAt(received, new TimeLimit(null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deadlines.dueAt(received, workingDays(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
