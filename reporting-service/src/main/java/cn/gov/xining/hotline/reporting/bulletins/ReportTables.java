package cn.gov.xining.hotline.reporting.bulletins;

import static cn.gov.xining.hotline.reporting.bulletins.Table.row;

import cn.gov.xining.hotline.reporting.bulletins.Table.Rate;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The reports' tables in the bulletins' words (受理总量, 来电, 热点问题, 占比(%)…): names first, a code as the
 * last column so that a sheet can be matched with other systems. Every count and rate is the
 * report's own; nothing is computed here.
 */
final class ReportTables {

  private static final List<String> TOTALS = List.of("指标", "数值");

  static final String LINKED = "其中重复件";
  static final String DISTINCT = "去重后问题数";

  private ReportTables() {}

  static List<Table> daily(Reports.DailyReport report, Reports reports) {
    var totals = new ArrayList<List<Object>>();
    totals.add(row("日期", report.date()));
    problems(totals, report.received(), report.linkedAppeals(), report.distinctProblems());
    totals.add(row("前一日受理总量", report.receivedDayBefore()));
    totals.add(row("来电", report.calls()));
    totals.add(row("网上留言", report.online()));
    totals.add(row("来信", report.letters()));
    totals.add(row("来电直接办理", report.callsAnsweredDirectly()));
    totals.add(row("来电转交责任单位办理", report.callsTransferred()));
    totals.add(row("直接办理（各渠道合计）", report.answeredDirectly()));
    totals.add(row("转交责任单位办理（各渠道合计）", report.transferred()));
    totals.add(row("人工派单中", report.inTriage()));
    totals.add(row("回访", report.callbacksMade()));
    channels(totals, report.byChannel(), reports);
    return List.of(
        new Table("汇总", TOTALS, totals), hotTopics(report.hotTopics(), "前一日件数", "较前一日增减"));
  }

  /** 周报, 月报, 年报 or any period: the same tables. */
  static List<Table> period(Reports.PeriodReport report, Reports reports) {
    var totals = new ArrayList<List<Object>>();
    totals.add(row("起始日期", report.from()));
    totals.add(row("截止日期", report.to()));
    problems(totals, report.received(), report.linkedAppeals(), report.distinctProblems());
    channels(totals, report.byChannel(), reports);
    totals.add(row("办结", report.completed()));
    totals.add(row("办结率", new Rate(report.completionRate())));
    totals.add(row("按时办结", report.completedOnTime()));
    totals.add(row("按时办结率", new Rate(report.onTimeRate())));
    totals.add(row("时限内未办结", report.openWithinLimit()));
    totals.add(row("超期未办结", report.overdue()));
    totals.add(row("回访", report.callbacks()));
    totals.add(row("回访接通", report.callbacksReached()));
    totals.add(row("解决率", new Rate(report.solvedRate())));
    totals.add(row("满意率", new Rate(report.satisfactionRate())));
    var before = report.periodBefore();
    totals.add(row("上期起始日期", before.from()));
    totals.add(row("上期截止日期", before.to()));
    totals.add(row("上期受理总量", before.received()));
    totals.add(row("上期办结率", new Rate(before.completionRate())));
    totals.add(row("上期满意率", new Rate(before.satisfactionRate())));
    return List.of(new Table("汇总", TOTALS, totals), hotTopics(report.hotTopics(), "上期件数", "较上期增减"));
  }

  static List<Table> breakdown(Reports.Breakdown breakdown, Reports reports) {
    var totals = new ArrayList<List<Object>>();
    totals.add(row("起始日期", breakdown.from()));
    totals.add(row("截止日期", breakdown.to()));
    problems(totals, breakdown.received(), breakdown.linkedAppeals(), breakdown.distinctProblems());
    var units = new ArrayList<List<Object>>();
    for (var unit : breakdown.units()) {
      units.add(
          row(
              (long) units.size() + 1,
              unit.name(),
              unit.received(),
              unit.signedForOnTime(),
              unit.returned(),
              unit.resolved(),
              unit.resolvedOnTime(),
              unit.rehandled(),
              unit.callbacksReached(),
              unit.satisfied(),
              new Rate(unit.responseRate()),
              new Rate(unit.resolutionRate()),
              new Rate(unit.satisfactionRate()),
              unit.unit()));
    }
    var districts = new ArrayList<List<Object>>();
    for (var district : breakdown.districts()) {
      districts.add(
          row(
              district.name(),
              district.received(),
              district.completed(),
              new Rate(district.completionRate()),
              district.callbacksReached(),
              district.satisfied(),
              new Rate(district.satisfactionRate()),
              district.district()));
    }
    return List.of(
        new Table("汇总", TOTALS, totals),
        new Table(
            "承办单位",
            List.of(
                "序号", "承办单位", "交办件数", "按时签收", "退回", "办结", "按时办结", "重办", "回访接通", "满意", "响应率", "解决率",
                "满意率", "单位编码"),
            units),
        new Table("区县", List.of("区县", "受理件数", "办结", "办结率", "回访接通", "满意", "满意率", "区县编码"), districts),
        counts("问题类别", "问题类别编码", breakdown.byTopic(), reports::topicName));
  }

  static List<Table> batch(Reports.BatchReport batch, Reports reports) {
    var totals =
        List.of(
            row("批次", batch.batch()),
            row("受理总量", batch.received()),
            row("来电", batch.calls()),
            row("来信", batch.letters()),
            row("网上留言", batch.online()),
            row("未分类", batch.unclassified()),
            row("已办结", batch.completed()));
    var topics = counts("问题类别", "问题类别编码", batch.byTopic(), reports::topicName);
    if (batch.unclassified() > 0) {
      var rows = new ArrayList<>(topics.rows());
      rows.add(row("未分类", batch.unclassified(), null));
      topics = new Table(topics.title(), topics.headers(), rows);
    }
    return List.of(
        new Table("汇总", TOTALS, totals),
        counts("区县", "区县编码", batch.byDistrict(), reports::districtName),
        topics);
  }

  private static Table hotTopics(List<Reports.HotTopic> topics, String before, String change) {
    var rows = new ArrayList<List<Object>>();
    for (var topic : topics) {
      rows.add(
          row(
              (long) topic.rank(),
              topic.topicName(),
              topic.count(),
              new Rate(topic.sharePercent()),
              topic.mainContent(),
              topic.concentratedAddress() == null ? "无集中反映地址" : topic.concentratedAddress(),
              String.join("、", topic.unitsContacted()),
              topic.countBefore(),
              topic.count() - topic.countBefore(),
              topic.topicCode()));
    }
    return new Table(
        "热点问题",
        List.of("排名", "热点问题", "件数", "占比(%)", "主要内容", "集中反映地址", "联系单位", before, change, "问题类别编码"),
        rows);
  }

  /** 受理总量 and, of them, the repeat appeals (重复件) and the distinct problems they come to. */
  private static void problems(
      List<List<Object>> totals, long received, long linked, long distinct) {
    totals.add(row("受理总量", received));
    totals.add(row(LINKED, linked));
    totals.add(row(DISTINCT, distinct));
  }

  /** The bulletins' "渠道：市长信箱" lines, most first. */
  private static void channels(
      List<List<Object>> totals, Map<String, Long> byChannel, Reports reports) {
    for (var channel : mostFirst(byChannel)) {
      totals.add(row("渠道：" + reports.channelName(channel.getKey()), channel.getValue()));
    }
  }

  private static Table counts(
      String title, String codeHeader, Map<String, Long> counts, UnaryOperator<String> name) {
    var rows = new ArrayList<List<Object>>();
    for (var entry : mostFirst(counts)) {
      rows.add(row(name.apply(entry.getKey()), entry.getValue(), entry.getKey()));
    }
    return new Table(title, List.of(title, "件数", codeHeader), rows);
  }

  /** Most first; on a tie by code, so that a table is the same on every request. */
  private static List<Map.Entry<String, Long>> mostFirst(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .toList();
  }
}
