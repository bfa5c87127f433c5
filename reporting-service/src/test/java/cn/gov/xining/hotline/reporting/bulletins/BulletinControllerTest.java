package cn.gov.xining.hotline.reporting.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.reporting.figures.ReportingTopologyDriver;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The exports over HTTP: the controller alone, on reports drawn from the production topology. Who
 * may read them (managers) is the security chain's concern, tested with the whole service
 * (HostileInputTest); this slice leaves the chain out.
 */
@WebMvcTest(
    controllers = BulletinController.class,
    excludeAutoConfiguration = {
      OAuth2ResourceServerAutoConfiguration.class,
      OAuth2ResourceServerWebSecurityAutoConfiguration.class
    })
class BulletinControllerTest {

  @TestConfiguration
  static class SeedDayReports {

    @Bean(destroyMethod = "close")
    TopologyTestDriver topology() {
      try {
        var driver = ReportingTopologyDriver.start(Files.createTempDirectory("bulletins-web"));
        new Tickets(driver).theThirtyFirstOfJanuary(WorkbooksTest.CATALOG);
        return driver;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Bean
    Reports reports(TopologyTestDriver topology) {
      return ReportingTopologyDriver.reports(
          topology, WorkbooksTest.CATALOG, WorkbooksTest.PROPERTIES);
    }

    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-01-31T04:00:00Z"), ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;

  @Test
  void theDailyWorkbookIsAnAttachmentWithItsChineseNameThatOpensInExcel() throws Exception {
    var response =
        mvc.perform(get("/api/reports/days/today/xlsx"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();

    assertThat(response.getContentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    var disposition = ContentDisposition.parse(response.getHeader("Content-Disposition"));
    assertThat(disposition.isAttachment()).isTrue();
    assertThat(disposition.getFilename()).isEqualTo("12345日报-2026-01-31.xlsx");
    assertThat(response.getHeader("Content-Disposition"))
        .startsWith("attachment; filename=\"12345-daily-2026-01-31.xlsx\"; filename*=UTF-8''");
    try (var workbook = WorkbooksTest.open(response.getContentAsByteArray())) {
      assertThat(workbook.getSheet("汇总").getRow(6).getCell(0).getStringCellValue()).isEqualTo("来电");
      WorkbooksTest.assertCount(workbook.getSheet("汇总").getRow(6).getCell(1), 983);
    }
  }

  @Test
  void aBatchWorkbookOfAHostileLabelIsSavedUnderASafeName() throws Exception {
    var response =
        mvc.perform(get("/api/reports/batches/{label}/xlsx", "第十一批\"..x"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();

    assertThat(response.getHeader("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"12345-batch-x.xlsx\";"
                + " filename*=UTF-8''12345%E6%89%B9%E6%AC%A1-%E7%AC%AC%E5%8D%81%E4%B8%80%E6%89%B9_x.xlsx");
    try (var workbook = WorkbooksTest.open(response.getContentAsByteArray())) {
      assertThat(workbook.getSheet("汇总").getRow(1).getCell(1).getStringCellValue())
          .isEqualTo("第十一批\"..x");
    }
  }

  @Test
  void theWeeklyPrintPageIsHtmlThatMayLoadNothing() throws Exception {
    var response =
        mvc.perform(get("/api/reports/weeks/2026-01-31/print"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();

    assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
    assertThat(response.getHeader("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; style-src 'unsafe-inline'");
    assertThat(response.getContentAsString())
        .contains("<h1>西宁市12345政务服务便民热线周报（2026-W05，2026-01-26至2026-02-01）</h1>");
  }

  @Test
  void theMonthAndTheYearAreSavedAsAMonthlyAndAYearlyReport() throws Exception {
    assertThat(
            mvc.perform(get("/api/reports/months/2026-01/xlsx"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("Content-Disposition"))
        .startsWith("attachment; filename=\"12345-monthly-2026-01.xlsx\"");
    assertThat(
            mvc.perform(get("/api/reports/years/2026/xlsx"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("Content-Disposition"))
        .startsWith("attachment; filename=\"12345-yearly-2026.xlsx\"");
  }

  @Test
  void aSpanOfMoreThanAYearIsRefusedAsAProblem() throws Exception {
    mvc.perform(get("/api/reports/breakdown/xlsx?from=2025-01-01&to=2026-06-30"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType("application/problem+json"));
  }
}
