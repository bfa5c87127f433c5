package cn.gov.xining.hotline.reporting.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.reporting.figures.ReportingTopologyDriver;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintPagesTest {

  /** What a citizen may write as the address, and the hot topics then print as concentrated. */
  private static final String ADDRESS = "城西区胜利路<script>alert('号')</script>&amp;";

  @TempDir Path stateDir;

  TopologyTestDriver driver;
  Tickets tickets;
  Reports reports;

  @BeforeEach
  void startTopology() {
    driver = ReportingTopologyDriver.start(stateDir);
    tickets = new Tickets(driver);
    reports =
        ReportingTopologyDriver.reports(driver, WorkbooksTest.CATALOG, WorkbooksTest.PROPERTIES);
  }

  @AfterEach
  void stopTopology() {
    driver.close();
  }

  @Test
  void theDailyPagePrintsTheBulletinAndTheTablesOnA4() {
    tickets.theThirtyFirstOfJanuary(WorkbooksTest.CATALOG);

    String page = PrintPages.daily(reports.daily(LocalDate.parse("2026-01-31")), reports);

    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("<meta charset=\"utf-8\">")
        .contains("@page { size: A4;")
        .contains("@media print")
        .contains("<title>西宁市12345政务服务便民热线日报（2026-01-31）</title>")
        .contains("1月31日，12345政务服务便民热线共受理群众来电983个、网上留言9条")
        .contains("<th>热点问题</th><th>件数</th><th>占比(%)</th>")
        .contains("<tr><td>来电</td><td class=\"number\">983</td></tr>")
        .contains("<td>工资纠纷</td><td class=\"number\">70</td><td class=\"number\">7.05%</td>")
        // self-contained: nothing fetched from elsewhere
        .doesNotContain("<script", "<link", "src=", "url(");
  }

  @Test
  void everyValueOnTheWeeklyPageIsEscapedTheCitizensAddressIncluded() {
    for (int i = 0; i < 4; i++) {
      tickets.transferred(
          "2026-01-28", "hotline-phone", "heating", "heating", List.of(), "暖气不热", ADDRESS);
    }
    var week = reports.weekly(LocalDate.parse("2026-01-28"));
    assertThat(week.hotTopics().get(0).concentratedAddress()).isEqualTo(ADDRESS);

    String page = PrintPages.period(week, reports);

    assertThat(page)
        .contains("西宁市12345政务服务便民热线周报（2026-W05，2026-01-26至2026-02-01）")
        // in the bulletin's text and in the hot topics' table
        .containsSubsequence(
            "城西区胜利路&lt;script&gt;alert(&#39;号&#39;)&lt;/script&gt;&amp;amp;",
            "<td>城西区胜利路&lt;script&gt;alert(&#39;号&#39;)&lt;/script&gt;&amp;amp;</td>")
        .doesNotContain("<script")
        // no callbacks yet: the rates are left out, and the page says why
        .contains("<td>解决率</td><td class=\"number\">—</td>")
        .contains(Table.NO_RATE_NOTE);
  }
}
