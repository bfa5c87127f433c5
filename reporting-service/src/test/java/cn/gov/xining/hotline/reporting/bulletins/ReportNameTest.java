package cn.gov.xining.hotline.reporting.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class ReportNameTest {

  @Test
  void theDailyWorkbookIsSavedUnderItsChineseNameWithAnAsciiNameForOldClients() {
    var name = ReportName.daily(LocalDate.parse("2026-01-31"));

    assertThat(name.contentDisposition())
        .isEqualTo(
            "attachment; filename=\"12345-daily-2026-01-31.xlsx\";"
                + " filename*=UTF-8''12345%E6%97%A5%E6%8A%A5-2026-01-31.xlsx");
    assertThat(ContentDisposition.parse(name.contentDisposition()).getFilename())
        .isEqualTo("12345日报-2026-01-31.xlsx");
  }

  @Test
  void aPeriodIsNamedAWeekAMonthAYearOrARunOfDaysByItsDates() {
    assertThat(ReportName.period(LocalDate.parse("2026-01-26"), LocalDate.parse("2026-02-01")))
        .extracting(ReportName::fileName, ReportName::asciiFileName)
        .containsExactly("12345周报-2026-W05.xlsx", "12345-weekly-2026-W05.xlsx");
    assertThat(ReportName.period(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")))
        .extracting(ReportName::fileName, ReportName::asciiFileName)
        .containsExactly("12345月报-2026-02.xlsx", "12345-monthly-2026-02.xlsx");
    assertThat(ReportName.period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")))
        .extracting(ReportName::fileName, ReportName::asciiFileName)
        .containsExactly("12345年报-2026.xlsx", "12345-yearly-2026.xlsx");
    // the seeds' 22–28 January starts on a Thursday: not a week
    assertThat(ReportName.period(LocalDate.parse("2026-01-22"), LocalDate.parse("2026-01-28")))
        .extracting(ReportName::fileName, ReportName::asciiFileName)
        .containsExactly(
            "12345统计报表-2026-01-22至2026-01-28.xlsx", "12345-period-2026-01-22_2026-01-28.xlsx");
  }

  @Test
  void aBatchLabelWithQuotesSlashesAndLineBreaksGivesASafeFileName() {
    var name = ReportName.batch("第十一批\"/../x\\\r\nSet-Cookie: a");

    assertThat(name.fileName()).isEqualTo("12345批次-第十一批_x_Set-Cookie_a.xlsx");
    assertThat(name.asciiFileName()).isEqualTo("12345-batch-x_Set-Cookie_a.xlsx");
    String header = name.contentDisposition();
    assertThat(header).doesNotContain("\r", "\n", "/", "\\").containsOnlyOnce("filename=\"");
    var parsed = ContentDisposition.parse(header);
    assertThat(parsed.isAttachment()).isTrue();
    assertThat(parsed.getFilename()).isEqualTo(name.fileName());
    assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void aLabelOfOnlyDotsSlashesAndControlCharactersStillNamesAHarmlessFile() {
    var name = ReportName.batch("../..\u0000\u202E");

    assertThat(name.fileName()).isEqualTo("12345批次-未命名.xlsx");
    assertThat(name.asciiFileName()).isEqualTo("12345-batch.xlsx");
  }

  @Test
  void aBidirectionalOverrideCannotDisguiseTheFileType() {
    // U+202E would show "第十一批\u202Exslx.exe" as "第十一批exe.xlsx" in a file manager
    assertThat(ReportName.batch("第十一批\u202Exslx.exe").fileName())
        .isEqualTo("12345批次-第十一批_xslx.exe.xlsx");
  }

  @Test
  void aTibetanOrLongLabelKeepsItsLettersUpToFortyCharacters() {
    assertThat(ReportName.batch("བོད་ཡིག").fileName()).isEqualTo("12345批次-བོད_ཡིག.xlsx");
    assertThat(ReportName.batch("批".repeat(500)).fileName())
        .isEqualTo("12345批次-" + "批".repeat(40) + ".xlsx");
  }
}
