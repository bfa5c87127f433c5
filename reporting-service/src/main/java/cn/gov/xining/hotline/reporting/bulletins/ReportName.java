package cn.gov.xining.hotline.reporting.bulletins;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.springframework.http.ContentDisposition;
import org.springframework.web.util.UriUtils;

/**
 * What a report is called: its title, and the name its workbook is saved under, in Chinese (e.g.
 * {@code 12345日报-2026-01-31.xlsx}) and in ASCII for clients that cannot read RFC 5987 ({@code curl
 * -J}, old browsers).
 */
record ReportName(String title, String fileName, String asciiFileName) {

  static final String HOTLINE = "西宁市12345政务服务便民热线";

  /** A batch label is user input: at most this many characters of it reach a file name. */
  private static final int LABEL_LENGTH = 40;

  static ReportName daily(LocalDate day) {
    return new ReportName(
        HOTLINE + "日报（" + day + "）", "12345日报-" + day + ".xlsx", "12345-daily-" + day + ".xlsx");
  }

  /**
   * A period's name says what it is, whoever asked for it: an ISO week is a 周报, a calendar month a
   * 月报, a calendar year a 年报, any other run of days a 统计报表.
   */
  static ReportName period(LocalDate from, LocalDate to) {
    if (from.getDayOfWeek() == DayOfWeek.MONDAY && to.equals(from.plusDays(6))) {
      String week =
          "%d-W%02d"
              .formatted(
                  from.get(IsoFields.WEEK_BASED_YEAR), from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      return named("周报", "weekly", week + "，" + from + "至" + to, week, week);
    }
    if (from.getDayOfYear() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfYear()))) {
      String year = Integer.toString(from.getYear());
      return named("年报", "yearly", year, year, year);
    }
    if (from.getDayOfMonth() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfMonth()))) {
      String month = YearMonth.from(from).toString();
      return named("月报", "monthly", month, month, month);
    }
    return named("统计报表", "period", from + "至" + to, from + "至" + to, from + "_" + to);
  }

  static ReportName breakdown(LocalDate from, LocalDate to) {
    return named("分类统计", "breakdown", from + "至" + to, from + "至" + to, from + "_" + to);
  }

  static ReportName batch(String label) {
    String safe = safe(label);
    String ascii = tidy(safe.replaceAll("[^A-Za-z0-9._-]+", "_"));
    return new ReportName(
        HOTLINE + "批次统计（" + label + "）",
        "12345批次-" + (safe.isEmpty() ? "未命名" : safe) + ".xlsx",
        "12345-batch" + (ascii.isEmpty() ? "" : "-" + ascii) + ".xlsx");
  }

  /**
   * {@code attachment} with both names. Spring's {@code filename(name, UTF_8)} would do, but its
   * ASCII fallback turns every Chinese character into {@code _}; ours says what the file is.
   */
  String contentDisposition() {
    return ContentDisposition.attachment().filename(asciiFileName).build()
        + "; filename*=UTF-8''"
        + UriUtils.encode(fileName, StandardCharsets.UTF_8);
  }

  private static ReportName named(
      String kind, String asciiKind, String inTitle, String inName, String inAsciiName) {
    return new ReportName(
        HOTLINE + kind + "（" + inTitle + "）",
        "12345" + kind + "-" + inName + ".xlsx",
        "12345-" + asciiKind + "-" + inAsciiName + ".xlsx");
  }

  /**
   * Letters, digits and their marks in any script (Tibetan's vowel signs are marks), {@code -},
   * {@code _} and {@code .}; anything else (quotes, slashes, line breaks, control and
   * bidirectional-override characters) becomes {@code _}.
   */
  static String safe(String label) {
    var safe = new StringBuilder();
    label.codePoints().limit(LABEL_LENGTH).forEach(c -> safe.appendCodePoint(kept(c) ? c : '_'));
    return tidy(safe.toString());
  }

  /** No run of dots and underscores ({@code ..} included), none at either end. */
  private static String tidy(String name) {
    return name.replaceAll("[._]{2,}", "_").replaceAll("^[._]+|[._]+$", "");
  }

  private static boolean kept(int c) {
    int type = Character.getType(c);
    return Character.isLetterOrDigit(c)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || c == '-'
        || c == '_'
        || c == '.';
  }
}
