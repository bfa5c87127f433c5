package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/daily?date=2026-01-31}; without a date, today in Asia/Shanghai. */
@RestController
class DailyReportController {

  private final DailyCountsQuery query;
  private final Clock clock;

  DailyReportController(DailyCountsQuery query, Clock clock) {
    this.query = query;
    this.clock = clock;
  }

  @GetMapping("/api/reports/daily")
  DailyCounts daily(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date) {
    return query.countsOn(date != null ? date : HotlineTime.now(clock).toLocalDate());
  }
}
