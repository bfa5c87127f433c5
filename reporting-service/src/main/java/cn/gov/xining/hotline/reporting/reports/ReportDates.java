package cn.gov.xining.hotline.reporting.reports;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The dates a report request names. */
public final class ReportDates {

  private ReportDates() {}

  /** A path's date: yyyy-MM-dd, or {@code today} in Asia/Shanghai. */
  public static LocalDate day(String date, Clock clock) {
    return "today".equals(date) ? HotlineTime.now(clock).toLocalDate() : LocalDate.parse(date);
  }

  /**
   * A report reads one store entry per day and counter: a span is at most a year (366 days), so no
   * request can keep a thread busy for long.
   */
  public static void checkSpan(LocalDate from, LocalDate to) {
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 365) {
      throw new IllegalArgumentException(
          "from 须不晚于 to，跨度不超过366天 (from must not be after to, and the span at most 366 days)");
    }
  }
}
