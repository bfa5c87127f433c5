package cn.gov.xining.hotline.reporting.bulletins;

import cn.gov.xining.hotline.reporting.reports.ReportDates;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports as the bulletins' Chinese text, as files for Excel and as pages to print. */
@RestController
@RequestMapping("/api/reports")
class BulletinController {

  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final MediaType XLSX =
      new MediaType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  /**
   * A print page needs nothing but its own inline style: should a value ever slip past the
   * escaping, it can still load or run nothing.
   */
  private static final String PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

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

  @GetMapping("/days/{date}/xlsx")
  ResponseEntity<byte[]> dayWorkbook(@PathVariable String date) {
    var report = reports.daily(ReportDates.day(date, clock));
    return workbook(ReportName.daily(report.date()), Workbooks.daily(report, reports));
  }

  @GetMapping("/weeks/{date}/xlsx")
  ResponseEntity<byte[]> weekWorkbook(@PathVariable String date) {
    return workbook(reports.weekly(ReportDates.day(date, clock)));
  }

  @GetMapping("/months/{month}/xlsx")
  ResponseEntity<byte[]> monthWorkbook(@PathVariable YearMonth month) {
    return workbook(reports.monthly(month));
  }

  @GetMapping("/years/{year}/xlsx")
  ResponseEntity<byte[]> yearWorkbook(@PathVariable Year year) {
    return workbook(reports.yearly(year));
  }

  @GetMapping("/periods/xlsx")
  ResponseEntity<byte[]> periodWorkbook(@RequestParam LocalDate from, @RequestParam LocalDate to) {
    ReportDates.checkSpan(from, to);
    return workbook(reports.period(from + "/" + to, from, to));
  }

  @GetMapping("/breakdown/xlsx")
  ResponseEntity<byte[]> breakdownWorkbook(
      @RequestParam LocalDate from, @RequestParam LocalDate to) {
    ReportDates.checkSpan(from, to);
    return workbook(
        ReportName.breakdown(from, to), Workbooks.breakdown(reports.breakdown(from, to), reports));
  }

  @GetMapping("/batches/{label}/xlsx")
  ResponseEntity<byte[]> batchWorkbook(@PathVariable String label) {
    return workbook(ReportName.batch(label), Workbooks.batch(reports.batch(label), reports));
  }

  @GetMapping("/days/{date}/print")
  ResponseEntity<String> dayPrint(@PathVariable String date) {
    return print(PrintPages.daily(reports.daily(ReportDates.day(date, clock)), reports));
  }

  @GetMapping("/weeks/{date}/print")
  ResponseEntity<String> weekPrint(@PathVariable String date) {
    return print(PrintPages.period(reports.weekly(ReportDates.day(date, clock)), reports));
  }

  private ResponseEntity<byte[]> workbook(Reports.PeriodReport report) {
    return workbook(
        ReportName.period(report.from(), report.to()), Workbooks.period(report, reports));
  }

  private static ResponseEntity<byte[]> workbook(ReportName name, byte[] workbook) {
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, name.contentDisposition())
        .body(workbook);
  }

  private static ResponseEntity<String> print(String page) {
    return ResponseEntity.ok()
        .contentType(HTML)
        .header("Content-Security-Policy", PRINT_POLICY)
        .body(page);
  }
}
