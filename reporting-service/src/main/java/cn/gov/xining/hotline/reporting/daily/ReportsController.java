package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports managers read: JSON, the Chinese bulletin as text, and CSV for Excel. Days and weeks
 * are Asia/Shanghai; a week is ISO, Monday to Sunday.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Reports reports;
  private final Clock clock;

  ReportsController(Reports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  /** 日报; {@code today} for today. */
  @GetMapping("/days/{date}")
  Reports.DailyReport day(@PathVariable String date) {
    return reports.daily(day(date, clock));
  }

  @GetMapping("/days/{date}/bulletin")
  ResponseEntity<String> dayBulletin(@PathVariable String date) {
    return ResponseEntity.ok()
        .contentType(TEXT)
        .body(Bulletins.daily(reports.daily(day(date, clock)), reports));
  }

  @GetMapping("/days/{date}/csv")
  ResponseEntity<String> dayCsv(@PathVariable String date) {
    var day = day(date, clock);
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"daily-" + day + ".csv\"")
        .body(Bulletins.dailyCsv(reports.daily(day), reports));
  }

  /** 周报 of the ISO week that contains the day ({@code today} for this week). */
  @GetMapping("/weeks/{date}")
  Reports.PeriodReport week(@PathVariable String date) {
    return reports.weekly(day(date, clock));
  }

  @GetMapping("/weeks/{date}/bulletin")
  ResponseEntity<String> weekBulletin(@PathVariable String date) {
    return ResponseEntity.ok()
        .contentType(TEXT)
        .body(Bulletins.period(reports.weekly(day(date, clock)), reports));
  }

  /** Any period, e.g. the seeds' 22–28 January. */
  @GetMapping("/periods")
  Reports.PeriodReport period(@RequestParam LocalDate from, @RequestParam LocalDate to) {
    checkSpan(from, to);
    return reports.period(from + "/" + to, from, to);
  }

  /** By district, topic and unit over a day range, with each unit's record. */
  @GetMapping("/breakdown")
  Reports.Breakdown breakdown(@RequestParam LocalDate from, @RequestParam LocalDate to) {
    checkSpan(from, to);
    return reports.breakdown(from, to);
  }

  /**
   * A report reads one store entry per day and counter: a span is at most a year (366 days), so no
   * request can keep a thread busy for long.
   */
  private static void checkSpan(LocalDate from, LocalDate to) {
    if (to.isBefore(from) || java.time.temporal.ChronoUnit.DAYS.between(from, to) > 365) {
      throw new IllegalArgumentException(
          "from 须不晚于 to，跨度不超过366天 (from must not be after to, and the span at most 366" + " days)");
    }
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

  private static LocalDate day(String date, Clock clock) {
    return "today".equals(date) ? HotlineTime.now(clock).toLocalDate() : LocalDate.parse(date);
  }
}
