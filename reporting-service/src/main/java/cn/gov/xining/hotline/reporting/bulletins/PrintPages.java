package cn.gov.xining.hotline.reporting.bulletins;

import cn.gov.xining.hotline.reporting.bulletins.Table.Rate;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The 日报 and 周报 as a page to print on A4: the bulletin's text, then the workbook's tables. The page
 * is self-contained (its style inline, nothing loaded from elsewhere) and every value in it is
 * escaped, the batch and topic names included.
 */
final class PrintPages {

  private static final String STYLE =
      """
      @page { size: A4; margin: 18mm 15mm; }
      body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 11pt;
             color: #000; max-width: 180mm; margin: 1em auto; }
      h1 { font-size: 16pt; text-align: center; margin: 0 0 1em; }
      h2 { font-size: 12pt; margin: 1.2em 0 0.4em; }
      p.bulletin { text-indent: 2em; line-height: 1.8; }
      table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
      th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; text-align: left; }
      th { background: #e8e8e8; }
      td.number { text-align: right; white-space: nowrap; }
      p.note { font-size: 9pt; }
      @media print {
        body { max-width: none; margin: 0; }
        h2 { break-after: avoid; }
        tr { break-inside: avoid; }
        thead { display: table-header-group; }
        th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      }
      """;

  private PrintPages() {}

  static String daily(Reports.DailyReport report, Reports reports) {
    return page(
        ReportName.daily(report.date()).title(),
        Bulletins.daily(report, reports),
        ReportTables.daily(report, reports));
  }

  /** 周报, or any period. */
  static String period(Reports.PeriodReport report, Reports reports) {
    return page(
        ReportName.period(report.from(), report.to()).title(),
        Bulletins.period(report, reports),
        ReportTables.period(report, reports));
  }

  private static String page(String title, String bulletin, List<Table> tables) {
    var html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n<p class=\"bulletin\">")
        .append(escape(bulletin))
        .append("</p>\n");
    for (var table : tables) {
      html.append("<h2>").append(escape(table.title())).append("</h2>\n<table>\n<thead><tr>");
      for (String header : table.headers()) {
        html.append("<th>").append(escape(header)).append("</th>");
      }
      html.append("</tr></thead>\n<tbody>\n");
      for (var cells : table.rows()) {
        html.append("<tr>");
        for (Object value : cells) {
          html.append(
                  value instanceof Long || value instanceof Rate ? "<td class=\"number\">" : "<td>")
              .append(escape(shown(value)))
              .append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</tbody>\n</table>\n");
      if (table.leavesOutARate()) {
        html.append("<p class=\"note\">").append(escape(Table.NO_RATE_NOTE)).append("</p>\n");
      }
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static String shown(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Rate rate) {
      return rate.percent() == null ? Table.NO_RATE : rate.percent().toPlainString() + "%";
    }
    return value.toString();
  }

  /** {@code < > & " '} only: with UTF-8 named, the Chinese stays as it is. */
  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
