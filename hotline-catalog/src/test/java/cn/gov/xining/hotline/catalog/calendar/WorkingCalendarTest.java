package cn.gov.xining.hotline.catalog.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class WorkingCalendarTest {

  /** The file the services ship, not a copy of it. */
  static final WorkingCalendar CALENDAR =
      WorkingCalendar.load(new ClassPathResource("calendar/cn-working-days.yaml"));

  static WorkingCalendar loadText(String yaml) {
    return WorkingCalendar.load(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test calendar");
  }

  private static Instant at(String time) {
    return OffsetDateTime.parse(time).toInstant();
  }

  @Test
  void everyDayOfTheSpringFestivalHoliday2026IsARestDay() {
    // given the 2026 notice: 春节 2-15 to 2-23

    // when / then
    var firstDay = LocalDate.of(2026, 2, 15);
    for (int i = 0; i < 9; i++) {
      var day = firstDay.plusDays(i);
      assertThat(CALENDAR.isWorkingDay(day)).as(day.toString()).isFalse();
    }
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
  }

  @Test
  void theSaturdaysAroundSpringFestival2026AreMakeUpWorkingDays() {
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
  }

  @Test
  void anOrdinaryWeekIsWorkedMondayToFridayOnly() {
    // given the week of 2026-03-02, with no holiday in it
    var monday = LocalDate.of(2026, 3, 2);

    // then
    for (int i = 0; i < 5; i++) {
      assertThat(CALENDAR.isWorkingDay(monday.plusDays(i))).isTrue();
    }
    assertThat(CALENDAR.isWorkingDay(monday.plusDays(5))).isFalse();
    assertThat(CALENDAR.isWorkingDay(monday.plusDays(6))).isFalse();
  }

  @Test
  void sunday20September2026IsWorkedForTheNationalDayHoliday() {
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 19))).isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
  }

  @Test
  void springFestival2024WasFlankedByTwoWorkedSundays() {
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2024, 2, 12))).isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
  }

  @Test
  void springFestival2025RanFromNewYearsEveWithASundayAndASaturdayWorked() {
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 1, 28))).isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 2, 4))).isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
  }

  @Test
  void everyYearFrom2024To2027IsCoveredAndOnly2027IsProvisional() {
    assertThat(CALENDAR.coveredYears()).containsExactly(2024, 2025, 2026, 2027);
    assertThat(CALENDAR.isProvisional(2024)).isFalse();
    assertThat(CALENDAR.isProvisional(2025)).isFalse();
    assertThat(CALENDAR.isProvisional(2026)).isFalse();
    assertThat(CALENDAR.isProvisional(2027)).isTrue();
  }

  @Test
  void provisional2027RestsOnTheStatutorySpringFestivalFromNewYearsEveToTheThirdDay() {
    // given 除夕 2027-02-05 (Fri) to 正月初三 2027-02-08 (Mon), and no make-up days known yet
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 4))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 5))).isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 9))).isTrue();
  }

  @Test
  void addingWorkingDaysSkipsTheHolidayAndCountsTheMakeUpSaturday() {
    // given Thursday 2026-02-12, before Spring Festival

    // when
    var fifth = CALENDAR.addWorkingDays(LocalDate.of(2026, 2, 12), 5);

    // then 2-13, 2-14 (Sat, worked), then after the holiday 2-24, 2-25, 2-26
    assertThat(fifth).isEqualTo(LocalDate.of(2026, 2, 26));
    assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 2, 12), 0))
        .isEqualTo(LocalDate.of(2026, 2, 12));
  }

  @Test
  void workingTimeAcrossSpringFestival2026CountsTheMakeUpSaturdayAndNothingOfTheHoliday() {
    // given Friday 2-13 10:00 to the end of Thursday 2-26
    var from = at("2026-02-13T10:00+08:00");
    var to = at("2026-02-27T00:00+08:00");

    // when
    var workingTime = CALENDAR.workingTimeBetween(from, to);

    // then 14 h of 2-13, 24 h of Saturday 2-14 (worked), none of 2-15 to 2-23, 72 h of 2-24 to 2-26
    assertThat(workingTime).isEqualTo(Duration.ofHours(14 + 24 + 72));
  }

  @Test
  void theSecondMakeUpSaturdayOfSpringFestival2026CountsAndTheSundayAfterItDoesNot() {
    // given Friday 2-27 noon to Monday 3-2 noon
    var workingTime =
        CALENDAR.workingTimeBetween(at("2026-02-27T12:00+08:00"), at("2026-03-02T12:00+08:00"));

    // then 12 h of Friday, all of Saturday 2-28, none of Sunday 3-1, 12 h of Monday
    assertThat(workingTime).isEqualTo(Duration.ofHours(12 + 24 + 12));
  }

  @Test
  void anOrdinaryWeekendCountsNoWorkingTimeWhateverOffsetTheInstantsAreWrittenIn() {
    // given Friday 2026-03-06 18:00 to Monday 3-9 09:00 in Shanghai, written in UTC
    var from = at("2026-03-06T10:00Z");
    var to = at("2026-03-09T01:00Z");

    // when
    var workingTime = CALENDAR.workingTimeBetween(from, to);

    // then 6 h of Friday evening and 9 h of Monday morning
    assertThat(workingTime).isEqualTo(Duration.ofHours(15));
    assertThat(CALENDAR.workingTimeBetween(to, from)).isZero();
  }

  @Test
  void eightyPercentOfALimitFromTheFridayBeforeSpringFestivalIsUsedAfterTheHolidayNotInIt() {
    // given Friday 2-13 10:00 to the end of 2-26: 110 working hours, 326 clock hours
    var from = at("2026-02-13T10:00+08:00");
    var to = at("2026-02-27T00:00+08:00");

    // when
    var eighty = CALENDAR.whenShareUsed(from, to, 0.8);
    var half = CALENDAR.whenShareUsed(from, to, 0.5);

    // then 88 h: 38 h before the holiday, 48 h of 2-24 and 2-25, 2 h of 2-26 (clock: 2-24 06:48)
    assertThat(eighty).isEqualTo(at("2026-02-26T02:00+08:00"));
    // and 55 h: 38 h before the holiday, 17 h of 2-24 (clock time: 2-20 05:00, in the holiday)
    assertThat(half).isEqualTo(at("2026-02-24T17:00+08:00"));
  }

  @Test
  void halfOfALimitOverAWeekendIsUsedOnMondayMorning() {
    // given Friday 2026-03-06 18:00 to Monday 3-9 09:00: 15 working hours
    var from = at("2026-03-06T18:00+08:00");
    var to = at("2026-03-09T09:00+08:00");

    // when / then 7.5 h: 6 h on Friday, 1.5 h on Monday
    assertThat(CALENDAR.whenShareUsed(from, to, 0.5)).isEqualTo(at("2026-03-09T01:30+08:00"));
    // 6 h: all of Friday evening, used up as Friday ends
    assertThat(CALENDAR.whenShareUsed(from, to, 0.4)).isEqualTo(at("2026-03-07T00:00+08:00"));
    assertThat(CALENDAR.whenShareUsed(from, to, 1)).isEqualTo(to);
  }

  @Test
  void aShareOfALimitWithNoWorkingTimeIsUsedAtOnceAndAShareAboveOneIsRefused() {
    // given Saturday 2026-03-07 10:00 to Sunday 3-8 10:00
    var from = at("2026-03-07T10:00+08:00");
    var to = at("2026-03-08T10:00+08:00");

    assertThat(CALENDAR.workingTimeBetween(from, to)).isZero();
    assertThat(CALENDAR.whenShareUsed(from, to, 0.8)).isEqualTo(from);
    assertThatThrownBy(() -> CALENDAR.whenShareUsed(from, to, 1.2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workingTimeUpToMidnightEndingTheLastCoveredYearNeedsNothingOfTheNextYear() {
    // given Friday 2027-12-31, the last covered day
    var from = at("2027-12-31T09:00+08:00");

    // when / then
    assertThat(CALENDAR.workingTimeBetween(from, at("2028-01-01T00:00+08:00")))
        .isEqualTo(Duration.ofHours(15));
    assertThatThrownBy(() -> CALENDAR.workingTimeBetween(from, at("2028-01-03T12:00+08:00")))
        .isInstanceOfSatisfying(
            DateNotCoveredException.class,
            e -> assertThat(e.date()).isEqualTo(LocalDate.of(2028, 1, 1)));
  }

  @Test
  void aDateOutsideTheCoveredYearsIsRefusedRatherThanGuessed() {
    assertThat(CALENDAR.covers(LocalDate.of(2023, 12, 29))).isFalse();
    assertThat(CALENDAR.covers(LocalDate.of(2024, 1, 2))).isTrue();

    assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2023, 12, 29)))
        .isInstanceOf(DateNotCoveredException.class)
        .hasMessageContaining("2023-12-29")
        .hasMessageContaining("[2024, 2025, 2026, 2027]");
    assertThatThrownBy(() -> CALENDAR.isProvisional(2028))
        .isInstanceOf(DateNotCoveredException.class);
  }

  @Test
  void countingPastTheLastCoveredYearIsRefused() {
    // given Thursday 2027-12-30: the third working day after it is in 2028

    // when / then
    assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2027, 12, 30), 3))
        .isInstanceOfSatisfying(
            DateNotCoveredException.class,
            e -> assertThat(e.date()).isEqualTo(LocalDate.of(2028, 1, 1)));
  }

  @Test
  void aDayListedBothAsHolidayAndAsMakeUpDayIsRefusedAtLoad() {
    var yaml =
        """
        years:
          - year: 2026
            source: test
            holidays:
              - {name: 春节, from: 2026-02-14, to: 2026-02-23}
            makeUpWorkingDays: [2026-02-14]
        """;

    assertThatThrownBy(() -> loadText(yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test calendar is inconsistent")
        .hasMessageContaining("2026-02-14 is listed both as holiday 春节 and as a make-up day");
  }

  @Test
  void aMakeUpDayThatIsNotAWeekendDayIsRefusedAtLoad() {
    var yaml =
        """
        years:
          - year: 2026
            source: test
            makeUpWorkingDays: [2026-02-13]
        """;

    assertThatThrownBy(() -> loadText(yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("make-up working day 2026-02-13 is a FRIDAY, not a weekend day");
  }

  @Test
  void aHolidayOutsideItsYearAndAMisspeltKeyAreRefusedAtLoad() {
    var wrongYear =
        """
        years:
          - year: 2026
            source: test
            holidays:
              - {name: 元旦, from: 2027-01-01, to: 2027-01-01}
        """;
    var misspelt =
        """
        years:
          - year: 2026
            source: test
            makeUpWorkDays: [2026-02-14]
        """;

    assertThatThrownBy(() -> loadText(wrongYear))
        .hasMessageContaining("holiday 元旦 date 2027-01-01 is not in 2026");
    assertThatThrownBy(() -> loadText(misspelt)).hasMessageContaining("makeUpWorkDays");
  }
}
