package cn.gov.xining.hotline.reporting.audit;

import cn.gov.xining.hotline.contract.AuditEntry;
import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: the audit trail, for the auditor. */
@RestController
class AuditController {

  private final AuditTrailReader reader;
  private final Clock clock;

  AuditController(AuditTrailReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  /**
   * The entries of the days {@code from} to {@code to} (Asia/Shanghai, both included; today by
   * default), oldest first, at most {@code limit}; only those of one principal or one ticket when
   * asked.
   */
  @GetMapping("/api/audit")
  List<AuditEntry> entries(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String principal,
      @RequestParam(required = false) String ticket,
      @RequestParam(defaultValue = "1000") int limit) {
    var today = HotlineTime.now(clock).toLocalDate();
    var first = from == null ? today : from;
    var last = to == null ? (from == null ? today : first) : to;
    // The trail keeps 400 days; a century either way is already more than anyone can mean.
    if (first.isBefore(today.minusYears(100)) || last.isAfter(today.plusYears(100))) {
      throw new IllegalArgumentException(
          "日期须在今天前后一百年内 (from and to must be within a century of today)");
    }
    if (last.isBefore(first) || first.plusDays(366).isBefore(last) || limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException(
          "from ≤ to，跨度不超过一年，limit 1–10000 (from must not be after to, a year at most,"
              + " limit 1-10000)");
    }
    return reader.read(
        first.atStartOfDay(HotlineTime.ZONE).toInstant(),
        last.plusDays(1).atStartOfDay(HotlineTime.ZONE).toInstant(),
        entry ->
            (principal == null || principal.equals(entry.principal()))
                && (ticket == null || ticket.equals(entry.target())),
        limit);
  }
}
