package cn.gov.xining.hotline.reporting.bulletins;

import cn.gov.xining.hotline.reporting.reports.ReportDates;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reports as the bulletins' Chinese text and as files for Excel. */
@RestController
@RequestMapping("/api/reports")
class BulletinController {

  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Reports reports;
  private final Clock clock;

  BulletinController(Reports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping("/days/{date}/bulletin")
  ResponseEntity<String> dayBulletin(@PathVariable String date) {
    return ResponseEntity.ok()
        .contentType(TEXT)
        .body(Bulletins.daily(reports.daily(ReportDates.day(date, clock)), reports));
  }

  @GetMapping("/days/{date}/csv")
  ResponseEntity<String> dayCsv(@PathVariable String date) {
    var day = ReportDates.day(date, clock);
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"daily-" + day + ".csv\"")
        .body(Bulletins.dailyCsv(reports.daily(day), reports));
  }

  @GetMapping("/weeks/{date}/bulletin")
  ResponseEntity<String> weekBulletin(@PathVariable String date) {
    return ResponseEntity.ok()
        .contentType(TEXT)
        .body(Bulletins.period(reports.weekly(ReportDates.day(date, clock)), reports));
  }
}
