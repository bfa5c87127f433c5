package cn.gov.xining.hotline.reporting.reports;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/daily?date=2026-01-31}, the first report, kept for its users in its own
 * shape; without a date, today in Asia/Shanghai. Drawn from the same figures as the 日报.
 */
@RestController
class DailyReportController {

  private final Reports reports;
  private final Clock clock;

  DailyReportController(Reports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping("/api/reports/daily")
  DailyCounts daily(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date) {
    return reports.dailyCounts(date != null ? date : HotlineTime.now(clock).toLocalDate());
  }
}
