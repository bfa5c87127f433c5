package cn.gov.xining.hotline.reporting.bulletins;

import cn.gov.xining.hotline.reporting.bulletins.Table.Rate;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The reports as Excel workbooks (.xlsx) that Excel and WPS open with their Chinese intact: a sheet
 * per table, the header row bold and frozen, counts and dates as numbers, rates as numbers in a
 * {@code 0.00%} format, and a rate the report leaves out as "—" with a note under its table.
 *
 * <p>Plain XSSF, not streaming SXSSF: a report's rows are bounded by the catalog (its units,
 * districts, topics), not by the number of tickets, so a year's breakdown is as small as a day's.
 */
final class Workbooks {

  /** Wider columns wrap their text instead, so that a sheet prints on A4. */
  private static final int WIDEST_COLUMN = 48;

  private Workbooks() {}

  static byte[] daily(Reports.DailyReport report, Reports reports) {
    return write(ReportName.daily(report.date()), ReportTables.daily(report, reports));
  }

  /** 周报, 月报, 年报 or any period. */
  static byte[] period(Reports.PeriodReport report, Reports reports) {
    return write(
        ReportName.period(report.from(), report.to()), ReportTables.period(report, reports));
  }

  static byte[] breakdown(Reports.Breakdown breakdown, Reports reports) {
    return write(
        ReportName.breakdown(breakdown.from(), breakdown.to()),
        ReportTables.breakdown(breakdown, reports));
  }

  static byte[] batch(Reports.BatchReport batch, Reports reports) {
    return write(ReportName.batch(batch.batch()), ReportTables.batch(batch, reports));
  }

  private static byte[] write(ReportName name, List<Table> tables) {
    try (var workbook = new XSSFWorkbook();
        var bytes = new ByteArrayOutputStream()) {
      var properties = workbook.getProperties();
      properties.getCoreProperties().setTitle(name.title());
      properties.getCoreProperties().setCreator(ReportName.HOTLINE);
      properties.getExtendedProperties().getUnderlyingProperties().setCompany(ReportName.HOTLINE);
      var styles = new Styles(workbook);
      for (var table : tables) {
        sheet(workbook, styles, name, table);
      }
      workbook.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sheet(XSSFWorkbook workbook, Styles styles, ReportName name, Table table) {
    XSSFSheet sheet = workbook.createSheet(table.title());
    int columns = table.headers().size();
    var header = sheet.createRow(0);
    for (int c = 0; c < columns; c++) {
      var cell = header.createCell(c);
      cell.setCellValue(table.headers().get(c));
      cell.setCellStyle(styles.header);
    }
    int[] widths = widths(table);
    for (int r = 0; r < table.rows().size(); r++) {
      var cells = table.rows().get(r);
      var row = sheet.createRow(r + 1);
      for (int c = 0; c < cells.size(); c++) {
        Object value = cells.get(c);
        if (value == null) {
          continue;
        }
        var cell = row.createCell(c);
        if (value instanceof Long count) {
          cell.setCellValue(count);
        } else if (value instanceof Rate rate && rate.percent() == null) {
          cell.setCellValue(Table.NO_RATE);
          cell.setCellStyle(styles.noRate);
        } else if (value instanceof Rate rate) {
          // 91.56 (percent) is 0.9156 to Excel, which shows it as 91.56%.
          cell.setCellValue(rate.percent().movePointLeft(2).doubleValue());
          cell.setCellStyle(styles.percent);
        } else if (value instanceof LocalDate date) {
          cell.setCellValue(date);
          cell.setCellStyle(styles.date);
        } else {
          // Always a text cell, never a formula: a batch label "=HYPERLINK(…)" stays text.
          cell.setCellValue(value.toString());
          if (widths[c] > WIDEST_COLUMN) {
            cell.setCellStyle(styles.wrapped);
          }
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      sheet.setColumnWidth(c, (Math.min(widths[c], WIDEST_COLUMN) + 2) * 256);
    }
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(table.rows().size(), 1), 0, columns - 1));
    if (table.leavesOutARate()) {
      sheet.createRow(table.rows().size() + 2).createCell(0).setCellValue(Table.NO_RATE_NOTE);
    }
    printOnA4(sheet, name, columns);
  }

  private static void printOnA4(XSSFSheet sheet, ReportName name, int columns) {
    var print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(columns > 6);
    sheet.setFitToPage(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, columns - 1));
    // Excel refuses a page header over 255 characters, and "&" starts a code in one ("&P" is the
    // page number): a batch label may be long and hold either.
    String title = name.title();
    if (title.length() > 100) {
      title = title.substring(0, 99) + "…";
    }
    sheet.getHeader().setCenter(title.replace("&", "&&"));
    sheet.getFooter().setCenter("第 &P 页，共 &N 页");
  }

  /** Each column's width in characters, a Chinese character counting two. */
  private static int[] widths(Table table) {
    int[] widths = new int[table.headers().size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = Math.max(6, width(table.headers().get(c)));
    }
    for (var cells : table.rows()) {
      for (int c = 0; c < cells.size(); c++) {
        Object value = cells.get(c);
        String shown =
            value instanceof Rate rate
                ? (rate.percent() == null ? Table.NO_RATE : rate.percent() + "%")
                : String.valueOf(value);
        widths[c] = Math.max(widths[c], width(shown));
      }
    }
    return widths;
  }

  private static int width(String text) {
    return text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
  }

  /** The few styles every sheet shares: a workbook holds at most 64,000. */
  private static final class Styles {

    final CellStyle header;
    final CellStyle percent;
    final CellStyle noRate;
    final CellStyle date;
    final CellStyle wrapped;

    Styles(XSSFWorkbook workbook) {
      var bold = workbook.createFont();
      bold.setBold(true);
      header = workbook.createCellStyle();
      header.setFont(bold);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      var formats = workbook.createDataFormat();
      percent = workbook.createCellStyle();
      percent.setDataFormat(formats.getFormat("0.00%"));
      noRate = workbook.createCellStyle();
      noRate.setAlignment(HorizontalAlignment.RIGHT);
      date = workbook.createCellStyle();
      date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
      date.setAlignment(HorizontalAlignment.LEFT);
      wrapped = workbook.createCellStyle();
      wrapped.setWrapText(true);
      wrapped.setVerticalAlignment(VerticalAlignment.TOP);
    }
  }
}
