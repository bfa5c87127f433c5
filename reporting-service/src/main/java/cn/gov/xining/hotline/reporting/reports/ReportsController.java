package cn.gov.xining.hotline.reporting.reports;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports managers read, as JSON (the bulletins' text and the exports are in {@code
 * bulletins}). Days and weeks are Asia/Shanghai; a week is ISO, Monday to Sunday.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

  private final Reports reports;
  private final Clock clock;

  ReportsController(Reports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  /** 日报; {@code today} for today. */
  @GetMapping("/days/{date}")
  Reports.DailyReport day(@PathVariable String date) {
    return reports.daily(ReportDates.day(date, clock));
  }

  /** 周报 of the ISO week that contains the day ({@code today} for this week). */
  @GetMapping("/weeks/{date}")
  Reports.PeriodReport week(@PathVariable String date) {
    return reports.weekly(ReportDates.day(date, clock));
  }

  /** 月报 of a calendar month, {@code yyyy-MM}, compared with the month before. */
  @GetMapping("/months/{month}")
  Reports.PeriodReport month(@PathVariable YearMonth month) {
    return reports.monthly(month);
  }

  /** The figures of a calendar year, compared with the year before. */
  @GetMapping("/years/{year}")
  Reports.PeriodReport year(@PathVariable Year year) {
    return reports.yearly(year);
  }

  /**
   * The transferred tickets received in the days and not completed, by lead unit: behind the
   * figures "超期" and "时限内未办结".
   */
  @GetMapping("/open")
  Reports.OpenTickets open(@RequestParam LocalDate from, @RequestParam LocalDate to) {
    ReportDates.checkSpan(from, to);
    return reports.openTickets(from, to);
  }

  /** Any period, e.g. the seeds' 22–28 January. */
  @GetMapping("/periods")
  Reports.PeriodReport period(@RequestParam LocalDate from, @RequestParam LocalDate to) {
    ReportDates.checkSpan(from, to);
    return reports.period(from + "/" + to, from, to);
  }

  /** By district, topic and unit over a day range, with each unit's record. */
  @GetMapping("/breakdown")
  Reports.Breakdown breakdown(@RequestParam LocalDate from, @RequestParam LocalDate to) {
    ReportDates.checkSpan(from, to);
    return reports.breakdown(from, to);
  }

  /** Received, answered directly, transferred and completed per day, for the dashboard. */
  @GetMapping("/trend")
  java.util.List<Reports.TrendDay> trend(
      @RequestParam(defaultValue = "30") int days,
      @RequestParam(required = false) LocalDate until) {
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("days must be 1 to 366");
    }
    return reports.trend(until == null ? HotlineTime.now(clock).toLocalDate() : until, days);
  }

  /** The catalog's names for its codes. */
  @GetMapping("/names")
  Reports.Names names() {
    return reports.names();
  }

  /** A batch, e.g. {@code 第十一批} of a central inspection. */
  @GetMapping("/batches/{label}")
  Reports.BatchReport batch(@PathVariable String label) {
    return reports.batch(label);
  }
}
