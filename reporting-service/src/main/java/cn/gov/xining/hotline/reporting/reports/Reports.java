package cn.gov.xining.hotline.reporting.reports;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.reporting.figures.Counts;
import cn.gov.xining.hotline.reporting.figures.FigureSource;
import cn.gov.xining.hotline.reporting.hottopics.MainContent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws the reports up from the day figures. Every rate is a percentage with two decimals, null
 * when its denominator is zero (or, for a unit, below the minimum number of cases); the formulas
 * are in docs/api.md ("Report formulas").
 */
public class Reports {

  /** One hot topic (热点问题). */
  public record HotTopic(
      int rank,
      String topicCode,
      String topicName,
      long count,
      BigDecimal sharePercent,
      String mainContent,
      String concentratedAddress,
      List<String> unitsContacted,
      long countBefore) {}

  /**
   * 日报. Here and in every report, {@code received} counts appeals (受理量), {@code linkedAppeals}
   * those of them routing linked to an open ticket as the same problem (重复件) and {@code
   * distinctProblems} the rest: received − linkedAppeals.
   */
  public record DailyReport(
      LocalDate date,
      long received,
      long linkedAppeals,
      long distinctProblems,
      long receivedDayBefore,
      Map<String, Long> byChannel,
      long calls,
      long online,
      long letters,
      long callsAnsweredDirectly,
      long callsTransferred,
      long answeredDirectly,
      long transferred,
      long inTriage,
      long callbacksMade,
      List<HotTopic> hotTopics) {}

  /**
   * 周报 and any other period: for a week, the ISO week (Monday to Sunday, Asia/Shanghai) named by
   * {@code label}, e.g. {@code 2026-W05}.
   */
  public record PeriodReport(
      String label,
      LocalDate from,
      LocalDate to,
      long received,
      long linkedAppeals,
      long distinctProblems,
      long receivedPeriodBefore,
      Map<String, Long> byChannel,
      long completed,
      BigDecimal completionRate,
      long completedOnTime,
      BigDecimal onTimeRate,
      long openWithinLimit,
      long overdue,
      long callbacks,
      long callbacksReached,
      BigDecimal solvedRate,
      BigDecimal satisfactionRate,
      List<HotTopic> hotTopics,
      PeriodBefore periodBefore) {}

  /**
   * The period a report is compared with: the week, month or year before, or for any other run of
   * days the run of the same length just before it.
   */
  public record PeriodBefore(
      LocalDate from,
      LocalDate to,
      long received,
      long linkedAppeals,
      long distinctProblems,
      BigDecimal completionRate,
      BigDecimal satisfactionRate) {}

  /** A district's figures, by the city's formulas. */
  public record DistrictPerformance(
      String district,
      String name,
      long received,
      long completed,
      BigDecimal completionRate,
      long callbacksReached,
      long satisfied,
      BigDecimal satisfactionRate) {}

  /** One transferred ticket not yet completed. */
  public record OpenTicket(String ticketNumber, LocalDate received, OffsetDateTime dueAt) {}

  /** A lead unit's open tickets: those overdue (超期) and those still within the time limit. */
  public record UnitOpenTickets(
      String unit, String name, List<OpenTicket> overdue, List<OpenTicket> withinLimit) {}

  /** The open tickets received in a run of days, by lead unit, most overdue first. */
  public record OpenTickets(
      LocalDate from, LocalDate to, long overdue, long withinLimit, List<UnitOpenTickets> units) {}

  /**
   * A unit's record (the 响应率 / 解决率 / 满意率 units are ranked by): {@code received} counts its cases,
   * {@code linkedAppeals} the repeat appeals (重复件) that joined them; their citizens' verdicts are
   * in {@code callbacksReached} and {@code satisfied}.
   */
  public record UnitPerformance(
      String unit,
      String name,
      long received,
      long linkedAppeals,
      long signedForOnTime,
      long returned,
      long resolved,
      long resolvedOnTime,
      long rehandled,
      long callbacksReached,
      long satisfied,
      BigDecimal responseRate,
      BigDecimal resolutionRate,
      BigDecimal satisfactionRate) {}

  /** Figures over any day range by district, topic and unit. */
  public record Breakdown(
      LocalDate from,
      LocalDate to,
      long received,
      long linkedAppeals,
      long distinctProblems,
      Map<String, Long> byDistrict,
      Map<String, Long> byTopic,
      Map<String, Long> byUnit,
      List<UnitPerformance> units,
      List<DistrictPerformance> districts) {}

  /** A batch (e.g. a central inspection batch): calls vs letters, by district and by topic. */
  public record BatchReport(
      String batch,
      long received,
      long calls,
      long letters,
      long online,
      Map<String, Long> byDistrict,
      Map<String, Long> byTopic,
      long unclassified,
      long completed) {}

  /** One day of the trend. */
  public record TrendDay(
      LocalDate date,
      long received,
      long linkedAppeals,
      long distinctProblems,
      long answeredDirectly,
      long transferred,
      long completed,
      BigDecimal completionRate,
      long callbacksWithVerdict,
      BigDecimal satisfactionRate) {}

  /** The names behind the codes, for the dashboard. */
  public record Names(
      Map<String, String> channels,
      Map<String, String> districts,
      Map<String, String> topics,
      Map<String, String> units) {}

  private final FigureSource source;
  private final Catalog catalog;
  private final ReportingProperties properties;

  public Reports(FigureSource source, Catalog catalog, ReportingProperties properties) {
    this.source = source;
    this.catalog = catalog;
    this.properties = properties;
  }

  public DailyReport daily(LocalDate date) {
    var day = source.day(date);
    var before = source.day(date.minusDays(1));
    return new DailyReport(
        date,
        day.get("RECEIVED"),
        linked(day),
        distinct(day),
        before.get("RECEIVED"),
        day.under("CHANNEL"),
        day.get("MEDIUM|CALL"),
        day.get("MEDIUM|ONLINE"),
        day.get("MEDIUM|LETTER"),
        day.get("MEDIUM_OUTCOME|CALL|DIRECT"),
        day.get("MEDIUM_OUTCOME|CALL|TRANSFER"),
        day.get("OUTCOME|DIRECT"),
        day.get("OUTCOME|TRANSFER"),
        day.get("OUTCOME|TRIAGE"),
        source.callbacksOn(date),
        hotTopics(day, before, properties.dailyHotTopics()));
  }

  /**
   * The first report's shape ({@code GET /api/reports/daily}), drawn from the same counters as the
   * 日报: {@code total} is {@code received}; districts are those of every ticket received that day
   * (the routed district, else the one the operator gave); units are those of {@link
   * Breakdown#byUnit()}, the hotline for the appeals it answered itself.
   */
  public DailyCounts dailyCounts(LocalDate date) {
    var day = source.day(date);
    return new DailyCounts(
        date,
        day.get("RECEIVED"),
        linked(day),
        distinct(day),
        day.under("CHANNEL"),
        day.under("OUTCOME"),
        day.under("TOPIC"),
        day.under("DISTRICT"),
        byUnit(day));
  }

  /** The ISO week (Monday to Sunday) that contains the day. */
  public PeriodReport weekly(LocalDate anyDayOfTheWeek) {
    var monday = anyDayOfTheWeek.with(DayOfWeek.MONDAY);
    return period(
        "%d-W%02d"
            .formatted(
                monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
        monday,
        monday.plusDays(6));
  }

  /** 月报: the calendar month, compared with the month before. */
  public PeriodReport monthly(YearMonth month) {
    var before = month.minusMonths(1);
    return period(
        month.toString(),
        month.atDay(1),
        month.atEndOfMonth(),
        before.atDay(1),
        before.atEndOfMonth());
  }

  /** 年报: the calendar year, compared with the year before. */
  public PeriodReport yearly(Year year) {
    var before = year.minusYears(1);
    return period(
        year.toString(),
        year.atDay(1),
        year.atMonth(12).atEndOfMonth(),
        before.atDay(1),
        before.atMonth(12).atEndOfMonth());
  }

  /** Any run of days, compared with the run of the same length just before it. */
  public PeriodReport period(String label, LocalDate from, LocalDate to) {
    long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    return period(label, from, to, from.minusDays(days), from.minusDays(1));
  }

  private PeriodReport period(
      String label, LocalDate from, LocalDate to, LocalDate beforeFrom, LocalDate beforeTo) {
    var week = sum(from, to);
    var before = sum(beforeFrom, beforeTo);
    long reached = week.get("CALLBACK_REACHED");
    // Satisfaction is asked of those who gave a verdict: a reached call without one counts for
    // the solved rate only.
    long withVerdict = verdicts(week);
    return new PeriodReport(
        label,
        from,
        to,
        week.get("RECEIVED"),
        linked(week),
        distinct(week),
        before.get("RECEIVED"),
        week.under("CHANNEL"),
        week.get("COMPLETED"),
        percent(week.get("COMPLETED"), week.get("RECEIVED")),
        week.get("COMPLETED_ON_TIME"),
        percent(week.get("COMPLETED_ON_TIME"), week.get("COMPLETED")),
        week.get("OPEN") - week.get("OPEN_OVERDUE"),
        week.get("OPEN_OVERDUE"),
        week.get("CALLBACK"),
        reached,
        percent(week.get("SOLVED"), reached),
        percent(satisfied(week), withVerdict),
        hotTopics(week, before, properties.weeklyHotTopics()),
        new PeriodBefore(
            beforeFrom,
            beforeTo,
            before.get("RECEIVED"),
            linked(before),
            distinct(before),
            percent(before.get("COMPLETED"), before.get("RECEIVED")),
            percent(satisfied(before), verdicts(before))));
  }

  /** 重复件: appeals linked to an open ticket as the same problem. */
  private static long linked(Counts figures) {
    return figures.get("LINKED");
  }

  /** The problems the appeals raised: each appeal but those that repeat an open ticket's. */
  private static long distinct(Counts figures) {
    return figures.get("RECEIVED") - linked(figures);
  }

  /** Reached callbacks with a verdict: the denominator of the satisfaction rate. */
  private static long verdicts(Counts figures) {
    return figures.under("SATISFACTION").values().stream().mapToLong(Long::longValue).sum();
  }

  private static long satisfied(Counts figures) {
    return figures.get("SATISFACTION|SATISFIED") + figures.get("SATISFACTION|BASICALLY_SATISFIED");
  }

  public Breakdown breakdown(LocalDate from, LocalDate to) {
    var range = sum(from, to);
    var units = new ArrayList<UnitPerformance>();
    // A unit whose only appeals in the days joined cases it got earlier is listed too.
    var unitCodes = new TreeSet<>(range.under("U_ASSIGNED").keySet());
    unitCodes.addAll(range.under("U_LINKED").keySet());
    unitCodes.forEach(
        unit -> {
          long received = range.get("U_ASSIGNED|" + unit);
          long reached = range.get("U_CALLBACK_REACHED|" + unit);
          units.add(
              new UnitPerformance(
                  unit,
                  unitName(unit),
                  received,
                  range.get("U_LINKED|" + unit),
                  range.get("U_SIGNED_ON_TIME|" + unit),
                  range.get("U_RETURNED|" + unit),
                  range.get("U_RESOLVED|" + unit),
                  range.get("U_RESOLVED_ON_TIME|" + unit),
                  range.get("U_REHANDLED|" + unit),
                  reached,
                  range.get("U_SATISFIED|" + unit),
                  rate(range.get("U_SIGNED_ON_TIME|" + unit), received),
                  rate(range.get("U_RESOLVED|" + unit), received),
                  rate(range.get("U_SATISFIED|" + unit), reached)));
        });
    // On equal rates the unit with more cases first: its rate says more.
    units.sort(
        Comparator.comparing(
                UnitPerformance::resolutionRate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(UnitPerformance::received, Comparator.reverseOrder())
            .thenComparing(UnitPerformance::unit));
    return new Breakdown(
        from,
        to,
        range.get("RECEIVED"),
        linked(range),
        distinct(range),
        range.under("DISTRICT"),
        range.under("TOPIC"),
        byUnit(range),
        units,
        districts(range));
  }

  /** Every district with its rates, most appeals first. */
  private List<DistrictPerformance> districts(Counts range) {
    var districts = new ArrayList<DistrictPerformance>();
    range
        .under("DISTRICT")
        .forEach(
            (district, received) -> {
              long completed = range.get("D_COMPLETED|" + district);
              long reached = range.get("D_CALLBACK_REACHED|" + district);
              long satisfied = range.get("D_SATISFIED|" + district);
              districts.add(
                  new DistrictPerformance(
                      district,
                      districtName(district),
                      received,
                      completed,
                      percent(completed, received),
                      reached,
                      satisfied,
                      percent(satisfied, reached)));
            });
    districts.sort(
        Comparator.comparing(DistrictPerformance::received, Comparator.reverseOrder())
            .thenComparing(DistrictPerformance::district));
    return districts;
  }

  /**
   * The transferred tickets received in the days and not completed, by lead unit: units with the
   * most overdue tickets first, then the most open; within a unit the earliest time limit first.
   */
  public OpenTickets openTickets(LocalDate from, LocalDate to) {
    var overdue = new TreeMap<String, List<OpenTicket>>();
    var within = new TreeMap<String, List<OpenTicket>>();
    for (var figures : source.days(from, to).entrySet()) {
      var received = figures.getKey();
      figures
          .getValue()
          .under("OPEN_TICKET")
          .keySet()
          .forEach(
              key -> {
                // OVERDUE|WITHIN, lead unit, ticket number, time limit (may be empty)
                String[] parts = key.split("\\|", -1);
                if (parts.length != 4) {
                  return;
                }
                var ticket =
                    new OpenTicket(
                        parts[2],
                        received,
                        parts[3].isEmpty() ? null : OffsetDateTime.parse(parts[3]));
                (parts[0].equals("OVERDUE") ? overdue : within)
                    .computeIfAbsent(parts[1], unit -> new ArrayList<>())
                    .add(ticket);
              });
    }
    var units = new TreeSet<String>(overdue.keySet());
    units.addAll(within.keySet());
    var byUnit = new ArrayList<UnitOpenTickets>();
    Comparator<OpenTicket> byDue =
        Comparator.comparing(
                OpenTicket::dueAt, Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
            .thenComparing(OpenTicket::ticketNumber);
    for (String unit : units) {
      var late = new ArrayList<>(overdue.getOrDefault(unit, List.of()));
      var inTime = new ArrayList<>(within.getOrDefault(unit, List.of()));
      late.sort(byDue);
      inTime.sort(byDue);
      byUnit.add(new UnitOpenTickets(unit, unitName(unit), late, inTime));
    }
    byUnit.sort(
        Comparator.comparing((UnitOpenTickets u) -> u.overdue().size(), Comparator.reverseOrder())
            .thenComparing(
                u -> u.overdue().size() + u.withinLimit().size(), Comparator.reverseOrder())
            .thenComparing(UnitOpenTickets::unit));
    return new OpenTickets(
        from,
        to,
        overdue.values().stream().mapToLong(List::size).sum(),
        within.values().stream().mapToLong(List::size).sum(),
        byUnit);
  }

  /** Tickets per unit, lead or assisting, of the routed tickets (not those waiting in triage). */
  private static Map<String, Long> byUnit(Counts figures) {
    var byUnit = new TreeMap<String, Long>();
    figures
        .under("TOPIC_UNIT")
        .forEach(
            (topicAndUnit, count) ->
                byUnit.merge(
                    topicAndUnit.substring(topicAndUnit.indexOf('|') + 1), count, Long::sum));
    return byUnit;
  }

  /** The last {@code days} days up to and including {@code last}, oldest first. */
  public List<TrendDay> trend(LocalDate last, int days) {
    var trend = new ArrayList<TrendDay>();
    for (var entry : source.days(last.minusDays(days - 1L), last).entrySet()) {
      var day = entry.getKey();
      var figures = entry.getValue();
      trend.add(
          new TrendDay(
              day,
              figures.get("RECEIVED"),
              linked(figures),
              distinct(figures),
              figures.get("OUTCOME|DIRECT"),
              figures.get("OUTCOME|TRANSFER"),
              figures.get("COMPLETED"),
              percent(figures.get("COMPLETED"), figures.get("RECEIVED")),
              verdicts(figures),
              percent(satisfied(figures), verdicts(figures))));
    }
    return trend;
  }

  public Names names() {
    return new Names(
        catalog.channelNames(), catalog.districtNames(), catalog.topicNames(), catalog.unitNames());
  }

  public BatchReport batch(String label) {
    var batch = source.batch(label);
    return new BatchReport(
        label,
        batch.get("RECEIVED"),
        batch.get("MEDIUM|CALL"),
        batch.get("MEDIUM|LETTER"),
        batch.get("MEDIUM|ONLINE"),
        batch.under("DISTRICT"),
        batch.under("TOPIC"),
        batch.get("RECEIVED")
            - batch.under("TOPIC").values().stream().mapToLong(Long::longValue).sum(),
        batch.get("COMPLETED"));
  }

  public String topicName(String code) {
    return catalog.topic(code).map(Catalog.Topic::name).orElse(code);
  }

  public String unitName(String code) {
    return catalog.unit(code).map(Catalog.Unit::name).orElse(code);
  }

  public String channelName(String code) {
    return catalog.channel(code).map(Catalog.Channel::name).orElse(code);
  }

  public String districtName(String code) {
    return catalog.district(code).map(Catalog.District::name).orElse(code);
  }

  private Counts sum(LocalDate from, LocalDate to) {
    var total = Counts.none();
    for (var day : source.days(from, to).values()) {
      total = total.and(day);
    }
    return total;
  }

  /**
   * The topics with the most appeals, with the phrase most of their appeals' texts offer as the
   * main content (docs/main-content.md; the topic's name when no phrase is shared), the address
   * that concentrates them (if any, by the rule in docs/api.md) and the units the hotline
   * contacted.
   */
  private List<HotTopic> hotTopics(Counts period, Counts before, int limit) {
    long received = period.get("RECEIVED");
    var topics = new ArrayList<Map.Entry<String, Long>>();
    // 热点问题 are problems to be handled: topics the hotline answers itself are left out.
    period
        .under("TOPIC")
        .entrySet()
        .forEach(
            entry -> {
              if (catalog.topic(entry.getKey()).map(t -> !t.handledByHotline()).orElse(true)) {
                topics.add(entry);
              }
            });
    topics.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    var hot = new ArrayList<HotTopic>();
    for (var entry : topics.subList(0, Math.min(limit, topics.size()))) {
      String topic = entry.getKey();
      long count = entry.getValue();
      var phrase =
          MainContent.choose(period.under("TOPIC_PHRASE|" + topic), count, topicName(topic));
      var address = top(period.under("TOPIC_ADDRESS|" + topic));
      String concentrated =
          address != null
                  && address.getValue() >= properties.concentrationMinimum()
                  && address.getValue() >= properties.concentrationShare() * count
              ? address.getKey()
              : null;
      var units = unitsContacted(period, topic);
      hot.add(
          new HotTopic(
              hot.size() + 1,
              topic,
              topicName(topic),
              count,
              percent(count, received),
              "主要反映" + asProblem(phrase == null ? topicName(topic) : phrase),
              concentrated,
              units.stream().map(this::unitName).toList(),
              before.get("TOPIC|" + topic)));
    }
    return hot;
  }

  /**
   * The units a topic's tickets were transferred to: the units that led any of them first, then the
   * units that only assisted; in each group by the number of the topic's tickets transferred to the
   * unit (lead or assisting), most first, then by unit code.
   */
  private static List<String> unitsContacted(Counts period, String topic) {
    var lead = period.under("TOPIC_LEAD|" + topic);
    var tickets = new TreeMap<>(lead);
    period
        .under("TOPIC_ASSIST|" + topic)
        .forEach((unit, count) -> tickets.merge(unit, count, Long::sum));
    var units = new ArrayList<>(tickets.keySet());
    units.sort(
        Comparator.<String, Boolean>comparing(unit -> !lead.containsKey(unit))
            .thenComparing(tickets::get, Comparator.reverseOrder())
            .thenComparing(Comparator.naturalOrder()));
    return units;
  }

  private static String asProblem(String phrase) {
    return phrase.endsWith("问题") ? phrase : phrase + "问题";
  }

  /** The most frequent entry; on a tie the first in order, so the result is stable. */
  private static Map.Entry<String, Long> top(Map<String, Long> counts) {
    Map.Entry<String, Long> best = null;
    for (var entry : counts.entrySet()) {
      if (best == null || entry.getValue() > best.getValue()) {
        best = entry;
      }
    }
    return best;
  }

  private BigDecimal rate(long part, long whole) {
    return whole < properties.minimumCases() ? null : percent(part, whole);
  }

  static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
  }
}
