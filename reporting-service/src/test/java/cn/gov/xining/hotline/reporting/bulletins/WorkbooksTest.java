package cn.gov.xining.hotline.reporting.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.CatalogLoader;
import cn.gov.xining.hotline.reporting.figures.ReportingTopologyDriver;
import cn.gov.xining.hotline.reporting.reports.ReportingProperties;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/**
 * The workbooks of reports drawn from the production topology, opened again with POI: every cell
 * holds the report's own figure, counts and rates as numbers.
 */
class WorkbooksTest {

  static final Catalog CATALOG =
      CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml"));
  static final ReportingProperties PROPERTIES = new ReportingProperties(3, 5, 5, 3, 0.3);

  @TempDir Path stateDir;

  TopologyTestDriver driver;
  Tickets tickets;
  Reports reports;

  @BeforeEach
  void startTopology() {
    driver = ReportingTopologyDriver.start(stateDir);
    tickets = new Tickets(driver);
    reports = ReportingTopologyDriver.reports(driver, CATALOG, PROPERTIES);
  }

  @AfterEach
  void stopTopology() {
    driver.close();
  }

  @Test
  void theDailyWorkbookOf31JanuaryHoldsThePublishedFiguresAsNumbers() throws IOException {
    tickets.theThirtyFirstOfJanuary(CATALOG);
    var report = reports.daily(LocalDate.parse("2026-01-31"));

    try (var workbook = open(Workbooks.daily(report, reports))) {
      var properties = workbook.getProperties().getCoreProperties();
      assertThat(properties.getTitle()).isEqualTo("西宁市12345政务服务便民热线日报（2026-01-31）");
      assertThat(properties.getCreator()).isEqualTo("西宁市12345政务服务便民热线");
      assertThat(sheetNames(workbook)).containsExactly("汇总", "热点问题");

      var totals = totals(workbook.getSheet("汇总"));
      assertThat(totals.get("日期").getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.parse("2026-01-31"));
      assertThat(DateUtil.isCellDateFormatted(totals.get("日期"))).isTrue();
      assertCount(totals.get("受理总量"), 992);
      assertCount(totals.get("其中重复件"), 0);
      assertCount(totals.get("去重后问题数"), 992);
      assertCount(totals.get("来电"), 983);
      assertCount(totals.get("网上留言"), 9);
      assertCount(totals.get("来信"), 0);
      assertCount(totals.get("来电直接办理"), 602);
      assertCount(totals.get("来电转交责任单位办理"), 381);
      assertCount(totals.get("回访"), 228);
      assertCount(totals.get("渠道：市长信箱"), 5);
      assertCount(totals.get("渠道：12345微信随手拍"), 3);
      assertCount(totals.get("渠道：人民网"), 1);

      var hot = workbook.getSheet("热点问题");
      assertHeader(
          hot, "排名", "热点问题", "件数", "占比(%)", "主要内容", "集中反映地址", "联系单位", "前一日件数", "较前一日增减", "问题类别编码");
      assertThat(hot.getLastRowNum()).isEqualTo(3);
      var wages = hot.getRow(1);
      assertCount(wages.getCell(0), 1);
      assertThat(wages.getCell(1).getStringCellValue()).isEqualTo("工资纠纷");
      assertCount(wages.getCell(2), 70);
      // 70 of 992 is 7.0564…%, cut to 7.05 %
      assertRate(wages.getCell(3), new BigDecimal("7.05"));
      assertThat(wages.getCell(5).getStringCellValue()).isEqualTo("无集中反映地址");
      assertThat(wages.getCell(6).getStringCellValue()).startsWith("市人力资源和社会保障局（劳动保障监察）、");
      assertCount(wages.getCell(7), 0);
      assertCount(wages.getCell(8), 70);
      assertThat(wages.getCell(9).getStringCellValue()).isEqualTo("wage-arrears");
      for (int i = 0; i < report.hotTopics().size(); i++) {
        var topic = report.hotTopics().get(i);
        var row = hot.getRow(i + 1);
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(topic.topicName());
        assertCount(row.getCell(2), topic.count());
        assertRate(row.getCell(3), topic.sharePercent());
        assertThat(row.getCell(4).getStringCellValue()).isEqualTo(topic.mainContent());
        assertThat(row.getCell(6).getStringCellValue())
            .isEqualTo(String.join("、", topic.unitsContacted()));
      }
      assertThat(List.of(hot.getRow(2).getCell(1), hot.getRow(3).getCell(1)))
          .extracting(Cell::getStringCellValue)
          .containsExactly("供暖问题", "交通秩序");
    }
  }

  @Test
  void theWeeklyWorkbookHoldsTheWeeksTotalsWithRatesAsPercentNumbers() throws IOException {
    tickets.theThirtyFirstOfJanuary(CATALOG);
    var report = reports.weekly(LocalDate.parse("2026-01-31"));

    try (var workbook = open(Workbooks.period(report, reports))) {
      assertThat(workbook.getProperties().getCoreProperties().getTitle())
          .isEqualTo("西宁市12345政务服务便民热线周报（2026-W05，2026-01-26至2026-02-01）");
      var totals = totals(workbook.getSheet("汇总"));
      assertCount(totals.get("受理总量"), 992);
      assertCount(totals.get("渠道：12345政务服务热线"), 983);
      // 602 answered directly and 228 resolved: 830 of 992, 83.669…% cut to 83.66 %
      assertCount(totals.get("办结"), 830);
      assertRate(totals.get("办结率"), new BigDecimal("83.66"));
      assertThat(report.completionRate()).isEqualByComparingTo("83.66");
      assertCount(totals.get("按时办结"), report.completedOnTime());
      assertRate(totals.get("按时办结率"), report.onTimeRate());
      assertCount(totals.get("时限内未办结"), report.openWithinLimit());
      assertCount(totals.get("超期未办结"), report.overdue());
      assertCount(totals.get("回访"), 228);
      assertCount(totals.get("回访接通"), 228);
      assertRate(totals.get("解决率"), new BigDecimal("100.00"));
      assertRate(totals.get("满意率"), new BigDecimal("100.00"));
      assertCount(totals.get("上期受理总量"), 0);
      // nothing in the week before: its rates have no denominator, and say so
      assertNoRate(totals.get("上期办结率"));
      assertThat(noteUnder(workbook.getSheet("汇总"))).isEqualTo(Table.NO_RATE_NOTE);

      var hot = workbook.getSheet("热点问题");
      assertThat(hot.getRow(0).getCell(7).getStringCellValue()).isEqualTo("上期件数");
      assertThat(hot.getLastRowNum()).isEqualTo(report.hotTopics().size());
      assertThat(hot.getPaneInformation().isFreezePane()).isTrue();
      assertThat(hot.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(hot.getRow(0).getCell(0).getCellStyle().getFontIndex())
          .satisfies(font -> assertThat(workbook.getFontAt(font).getBold()).isTrue());
    }
  }

  @Test
  void theBreakdownWorkbookHoldsEachUnitsCountsNextToItsRatesAndSaysWhenARateIsLeftOut()
      throws IOException {
    tickets.theThirtyFirstOfJanuary(CATALOG);
    var breakdown = reports.breakdown(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"));

    try (var workbook = open(Workbooks.breakdown(breakdown, reports))) {
      assertThat(sheetNames(workbook)).containsExactly("汇总", "承办单位", "区县", "问题类别");
      assertCount(totals(workbook.getSheet("汇总")).get("受理总量"), 992);

      var units = workbook.getSheet("承办单位");
      assertHeader(
          units, "序号", "承办单位", "交办件数", "按时签收", "退回", "办结", "按时办结", "重办", "回访接通", "满意", "响应率", "解决率",
          "满意率", "单位编码");
      assertThat(units.getLastRowNum()).isEqualTo(breakdown.units().size() + 2);
      for (int i = 0; i < breakdown.units().size(); i++) {
        var unit = breakdown.units().get(i);
        var row = units.getRow(i + 1);
        assertCount(row.getCell(0), i + 1);
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(unit.name());
        assertCount(row.getCell(2), unit.received());
        assertCount(row.getCell(3), unit.signedForOnTime());
        assertCount(row.getCell(4), unit.returned());
        assertCount(row.getCell(5), unit.resolved());
        assertCount(row.getCell(6), unit.resolvedOnTime());
        assertCount(row.getCell(7), unit.rehandled());
        assertCount(row.getCell(8), unit.callbacksReached());
        assertCount(row.getCell(9), unit.satisfied());
        assertRate(row.getCell(10), unit.responseRate());
        assertRate(row.getCell(11), unit.resolutionRate());
        assertRate(row.getCell(12), unit.satisfactionRate());
        assertThat(row.getCell(13).getStringCellValue()).isEqualTo(unit.unit());
      }
      // the labour inspection: wage disputes and social insurance, 101 tickets, 70 resolved
      var labour = rowNamed(units, "市人力资源和社会保障局（劳动保障监察）");
      assertCount(labour.getCell(2), 101);
      assertCount(labour.getCell(5), 70);
      assertRate(labour.getCell(11), new BigDecimal("69.30"));
      assertThat(labour.getCell(13).getStringCellValue()).isEqualTo("hrss");
      // the water company: 31 tickets, 2 resolved, 2 callbacks: too few to judge its satisfaction
      var water = rowNamed(units, "市水务局及供排水企业");
      assertCount(water.getCell(2), 31);
      assertRate(water.getCell(11), new BigDecimal("6.45"));
      assertCount(water.getCell(8), 2);
      assertNoRate(water.getCell(12));
      assertThat(noteUnder(units)).isEqualTo(Table.NO_RATE_NOTE);

      var districts = workbook.getSheet("区县");
      assertThat(districts.getLastRowNum()).isGreaterThanOrEqualTo(breakdown.districts().size());
      for (int i = 0; i < breakdown.districts().size(); i++) {
        var district = breakdown.districts().get(i);
        var row = districts.getRow(i + 1);
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(district.name());
        assertCount(row.getCell(1), district.received());
        assertCount(row.getCell(2), district.completed());
        assertRate(row.getCell(3), district.completionRate());
        assertRate(row.getCell(6), district.satisfactionRate());
        assertThat(row.getCell(7).getStringCellValue()).isEqualTo(district.district());
      }
      assertThat(districts.getRow(1).getCell(0).getStringCellValue()).endsWith("区");

      var topics = workbook.getSheet("问题类别");
      assertThat(topics.getRow(1).getCell(0).getStringCellValue()).isEqualTo("政策咨询");
      assertCount(topics.getRow(1).getCell(1), 602);
      assertThat(topics.getRow(1).getCell(2).getStringCellValue()).isEqualTo("policy-consultation");
      assertCount(rowNamed(topics, "工资纠纷").getCell(1), 70);
    }
  }

  @Test
  void theBatchWorkbookOfBatchElevenHoldsThePublishedTableWithDistrictNames() throws IOException {
    // the seeds' table: 20 tickets, 17 calls and 3 letters, by district and by topic
    var districts =
        spread(
            Map.of("630102", 3, "630103", 1, "630104", 3, "630105", 4, "630106", 8, "630121", 1));
    var topics =
        spread(
            Map.of(
                "noise-social",
                6,
                "air-pollution",
                5,
                "water-pollution",
                1,
                "soil-pollution",
                4,
                "ecological-damage",
                4));
    for (int i = 0; i < 20; i++) {
      tickets.inBatch(
          "第十一批",
          "2026-12-03",
          i < 17 ? "hotline-phone" : "letter",
          districts.get(i),
          topics.get(i));
    }
    var batch = reports.batch("第十一批");

    try (var workbook = open(Workbooks.batch(batch, reports))) {
      assertThat(sheetNames(workbook)).containsExactly("汇总", "区县", "问题类别");
      var totals = totals(workbook.getSheet("汇总"));
      assertThat(totals.get("批次").getStringCellValue()).isEqualTo("第十一批");
      assertCount(totals.get("受理总量"), 20);
      assertCount(totals.get("来电"), 17);
      assertCount(totals.get("来信"), 3);
      var byDistrict = workbook.getSheet("区县");
      assertThat(byDistrict.getRow(1).getCell(0).getStringCellValue()).isEqualTo("湟中区");
      assertCount(byDistrict.getRow(1).getCell(1), 8);
      assertThat(byDistrict.getRow(1).getCell(2).getStringCellValue()).isEqualTo("630106");
      assertCount(rowNamed(byDistrict, "城东区").getCell(1), 3);
      assertCount(rowNamed(byDistrict, "大通回族土族自治县").getCell(1), 1);
      var byTopic = workbook.getSheet("问题类别");
      assertThat(byTopic.getRow(1).getCell(0).getStringCellValue()).isEqualTo("社会生活噪声");
      assertCount(byTopic.getRow(1).getCell(1), 6);
      assertCount(rowNamed(byTopic, "土壤污染").getCell(1), 4);
      assertThat(byTopic.getLastRowNum()).isEqualTo(5);
    }
  }

  @Test
  void aBatchLabelThatLooksLikeAFormulaOrHoldsControlCharactersStaysTextInAWorkbookThatOpens()
      throws IOException {
    String label = "=HYPERLINK(\"http://example.com\",\"第十一批\")\u0001\r\n&P";

    try (var workbook = open(Workbooks.batch(reports.batch(label), reports))) {
      var batch = totals(workbook.getSheet("汇总")).get("批次");
      assertThat(batch.getCellType()).isEqualTo(CellType.STRING);
      // POI writes a character XML 1.0 cannot hold as "?"; everything else is kept as typed
      assertThat(batch.getStringCellValue())
          .startsWith("=HYPERLINK(\"http://example.com\",\"第十一批\")")
          .endsWith("\r\n&P");
      assertThat(workbook.getSheet("汇总").getHeader().getCenter()).endsWith("&&P）");
    }
  }

  @Test
  void aLongBatchLabelIsKeptWholeInItsCellButShortenedInThePageHeaderExcelLimits()
      throws IOException {
    String label = "第十一批&".repeat(200);

    try (var workbook = open(Workbooks.batch(reports.batch(label), reports))) {
      var summary = workbook.getSheet("汇总");
      assertThat(totals(summary).get("批次").getStringCellValue()).isEqualTo(label);
      assertThat(summary.getHeader().getCenter()).hasSizeLessThan(255).endsWith("…");
    }
  }

  @Test
  void aMonthlyAndAYearlyReportAreNamedForWhatTheyAre() throws IOException {
    tickets.theThirtyFirstOfJanuary(CATALOG);

    try (var month = open(Workbooks.period(reports.monthly(YearMonth.of(2026, 1)), reports));
        var year = open(Workbooks.period(reports.yearly(Year.of(2026)), reports))) {
      assertThat(month.getProperties().getCoreProperties().getTitle())
          .isEqualTo("西宁市12345政务服务便民热线月报（2026-01）");
      assertCount(totals(month.getSheet("汇总")).get("受理总量"), 992);
      assertThat(year.getProperties().getCoreProperties().getTitle())
          .isEqualTo("西宁市12345政务服务便民热线年报（2026）");
      assertCount(totals(year.getSheet("汇总")).get("渠道：12345政务服务热线"), 983);
    }
  }

  private static List<String> spread(Map<String, Integer> counts) {
    var codes = new ArrayList<String>();
    counts.forEach((code, count) -> codes.addAll(Collections.nCopies(count, code)));
    return codes;
  }

  static XSSFWorkbook open(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  private static List<String> sheetNames(XSSFWorkbook workbook) {
    var names = new ArrayList<String>();
    workbook.sheetIterator().forEachRemaining(sheet -> names.add(sheet.getSheetName()));
    return names;
  }

  /** The 数值 cell of each 指标. */
  private static Map<String, Cell> totals(Sheet sheet) {
    assertHeader(sheet, "指标", "数值");
    var totals = new HashMap<String, Cell>();
    for (Row row : sheet) {
      if (row.getRowNum() > 0 && row.getCell(1) != null) {
        totals.put(row.getCell(0).getStringCellValue(), row.getCell(1));
      }
    }
    return totals;
  }

  /** The row whose name column (the first text column) holds the name. */
  private static Row rowNamed(Sheet sheet, String name) {
    int column = sheet.getRow(0).getCell(0).getStringCellValue().equals("序号") ? 1 : 0;
    for (Row row : sheet) {
      var cell = row.getCell(column);
      if (cell != null
          && cell.getCellType() == CellType.STRING
          && name.equals(cell.getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("no row " + name + " in " + sheet.getSheetName());
  }

  private static String noteUnder(Sheet sheet) {
    return sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue();
  }

  private static void assertHeader(Sheet sheet, String... headers) {
    var row = sheet.getRow(0);
    assertThat(row.getLastCellNum()).isEqualTo((short) headers.length);
    for (int c = 0; c < headers.length; c++) {
      assertThat(row.getCell(c).getStringCellValue()).isEqualTo(headers[c]);
    }
  }

  static void assertCount(Cell cell, long count) {
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(cell.getNumericCellValue()).isEqualTo((double) count);
  }

  /** A number Excel shows as the report's percent: 83.66 is 0.8366 in a 0.00% format. */
  static void assertRate(Cell cell, BigDecimal percent) {
    if (percent == null) {
      assertNoRate(cell);
      return;
    }
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(cell.getNumericCellValue()).isCloseTo(percent.doubleValue() / 100, within(1e-12));
    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
  }

  static void assertNoRate(Cell cell) {
    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
    assertThat(cell.getStringCellValue()).isEqualTo("—");
  }
}
