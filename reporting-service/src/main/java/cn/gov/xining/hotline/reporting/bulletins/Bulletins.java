package cn.gov.xining.hotline.reporting.bulletins;

import cn.gov.xining.hotline.reporting.figures.Figures;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reports as the Chinese text a manager reads (and a newspaper prints), in the style of the
 * bulletins in the seeds; and as CSV that Excel opens with its Chinese intact (UTF-8 with a BOM).
 */
public final class Bulletins {

  private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  private static final String BOM = "\uFEFF";

  private Bulletins() {}

  public static String daily(Reports.DailyReport report, Reports reports) {
    var text = new StringBuilder();
    text.append(date(report.date()))
        .append("，12345政务服务便民热线共受理群众来电")
        .append(report.calls())
        .append("个、网上留言")
        .append(report.online())
        .append("条");
    var online = onlineChannels(report.byChannel(), reports);
    if (!online.isEmpty()) {
      text.append("（").append(online).append("）");
    }
    if (report.letters() > 0) {
      text.append("、来信").append(report.letters()).append("件");
    }
    text.append("。来电中直接办理")
        .append(report.callsAnsweredDirectly())
        .append("件，转交责任单位办理")
        .append(report.callsTransferred())
        .append("件；回访")
        .append(report.callbacksMade())
        .append("个。");
    text.append(hotTopics(report.hotTopics(), "较前一日"));
    return text.toString();
  }

  /**
   * A week's or any period's bulletin, worded as the seeds' weekly report: "共受理群众诉求6736件，其中
   * 12345政务服务热线6665件、…，办结率91.56%，未办结事项均在办理时限内。", then the on-time rate, the callbacks and the hot
   * topics.
   */
  public static String period(Reports.PeriodReport report, Reports reports) {
    var text = new StringBuilder();
    text.append(date(report.from()))
        .append("至")
        .append(date(report.to()))
        .append("，12345政务服务便民热线共受理群众诉求")
        .append(report.received())
        .append("件");
    var channels =
        report.byChannel().entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(e -> reports.channelName(e.getKey()) + e.getValue() + "件")
            .collect(Collectors.joining("、"));
    if (!channels.isEmpty()) {
      text.append("，其中").append(channels);
    }
    text.append("，办结率").append(rate(report.completionRate()));
    long open = report.openWithinLimit() + report.overdue();
    if (open == 0) {
      text.append(report.received() == 0 ? "" : "，受理事项均已办结");
    } else if (report.overdue() == 0) {
      text.append("，未办结事项均在办理时限内");
    } else {
      text.append("，未办结事项")
          .append(open)
          .append("件，其中在办理时限内")
          .append(report.openWithinLimit())
          .append("件、超期")
          .append(report.overdue())
          .append("件");
    }
    text.append("。按时办结率").append(rate(report.onTimeRate()));
    text.append("；回访").append(report.callbacks()).append("件");
    if (report.callbacksReached() > 0) {
      text.append("，解决率")
          .append(rate(report.solvedRate()))
          .append("，满意率")
          .append(rate(report.satisfactionRate()));
    }
    text.append("。");
    text.append(hotTopics(report.hotTopics(), "较上期"));
    return text.toString();
  }

  public static String dailyCsv(Reports.DailyReport report, Reports reports) {
    var csv = new StringBuilder(BOM);
    csv.append("指标,数值\r\n");
    row(csv, "日期", report.date());
    row(csv, "受理总量", report.received());
    row(csv, ReportTables.LINKED, report.linkedAppeals());
    row(csv, ReportTables.DISTINCT, report.distinctProblems());
    row(csv, "来电", report.calls());
    row(csv, "网上留言", report.online());
    row(csv, "来信", report.letters());
    row(csv, "来电直接办理", report.callsAnsweredDirectly());
    row(csv, "来电转交责任单位办理", report.callsTransferred());
    row(csv, "人工派单中", report.inTriage());
    row(csv, "回访", report.callbacksMade());
    report
        .byChannel()
        .forEach((channel, count) -> row(csv, "渠道：" + reports.channelName(channel), count));
    csv.append("\r\n热点问题,件数,占比(%),主要内容,集中反映地址,联系单位,前一日件数\r\n");
    for (var topic : report.hotTopics()) {
      csv.append(cell(topic.topicName()))
          .append(',')
          .append(topic.count())
          .append(',')
          .append(topic.sharePercent() == null ? "" : topic.sharePercent().toPlainString())
          .append(',')
          .append(cell(topic.mainContent()))
          .append(',')
          .append(
              cell(topic.concentratedAddress() == null ? "无集中反映地址" : topic.concentratedAddress()))
          .append(',')
          .append(cell(String.join("、", topic.unitsContacted())))
          .append(',')
          .append(topic.countBefore())
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String hotTopics(List<Reports.HotTopic> topics, String comparedWith) {
    if (topics.isEmpty()) {
      return "";
    }
    var text = new StringBuilder("热点问题：");
    for (int i = 0; i < topics.size(); i++) {
      var topic = topics.get(i);
      text.append(ORDINALS[Math.min(i, ORDINALS.length - 1)])
          .append("是")
          .append(topic.topicName())
          .append(topic.count())
          .append("件，")
          .append(topic.mainContent())
          .append("，")
          .append(
              topic.concentratedAddress() == null
                  ? "无集中反映地址"
                  : "集中反映地址为" + topic.concentratedAddress());
      if (!topic.unitsContacted().isEmpty()) {
        text.append("，已联系").append(String.join("、", topic.unitsContacted()));
      }
      long change = topic.count() - topic.countBefore();
      text.append("，")
          .append(comparedWith)
          .append(change == 0 ? "持平" : (change > 0 ? "增加" : "减少") + Math.abs(change) + "件");
      text.append(i == topics.size() - 1 ? "。" : "；");
    }
    return text.toString();
  }

  private static String onlineChannels(Map<String, Long> byChannel, Reports reports) {
    return byChannel.entrySet().stream()
        .filter(e -> "ONLINE".equals(Figures.medium(e.getKey())))
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> reports.channelName(e.getKey()) + e.getValue() + "条")
        .collect(Collectors.joining("、"));
  }

  private static String date(LocalDate date) {
    return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  private static String rate(java.math.BigDecimal rate) {
    return rate == null ? "—" : rate.toPlainString() + "%";
  }

  private static void row(StringBuilder csv, String name, Object value) {
    csv.append(cell(name)).append(',').append(cell(String.valueOf(value))).append("\r\n");
  }

  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }
}
