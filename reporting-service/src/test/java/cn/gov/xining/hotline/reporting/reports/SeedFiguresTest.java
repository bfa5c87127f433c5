package cn.gov.xining.hotline.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.CatalogLoader;
import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.Satisfaction;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.reporting.bulletins.Bulletins;
import cn.gov.xining.hotline.reporting.figures.ReportingTopologyDriver;
import cn.gov.xining.hotline.reporting.hottopics.SeedDayAppeals;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/**
 * The published figures of the seeds (shared/README.md): ticket streams built to match them go
 * through the production topology, and the reports must show exactly those figures.
 */
class SeedFiguresTest {

  private static final Catalog CATALOG =
      CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml"));

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, TicketReceived> received;
  private TestInputTopic<String, TicketRouted> routed;
  private TestInputTopic<String, CaseEvent> lifecycle;
  private Reports reports;
  private int sequence;

  @BeforeEach
  void startTopology() {
    driver = ReportingTopologyDriver.start(stateDir);
    received = ReportingTopologyDriver.input(driver, Topics.TICKETS_RECEIVED, TicketReceived.class);
    routed = ReportingTopologyDriver.input(driver, Topics.ROUTING_DECISIONS, TicketRouted.class);
    lifecycle = ReportingTopologyDriver.input(driver, Topics.TICKET_LIFECYCLE, CaseEvent.class);
    reports = ReportingTopologyDriver.reports(driver, CATALOG, ReportingProperties.defaults());
  }

  @AfterEach
  void stopTopology() {
    driver.close();
  }

  @Test
  void theDailyReportOf31JanuaryShowsThePublishedFigures() {
    String day = "2026-01-31";
    // 983 calls: 602 answered directly, 381 transferred; 9 online messages (mayor's mailbox 5,
    // WeChat 3, People.cn 1), transferred too.
    for (int i = 0; i < 602; i++) {
      direct(day, "hotline-phone");
    }
    var transferred = new ArrayList<String>();
    transferred.addAll(
        transfers(
            day,
            "hotline-phone",
            70,
            "wage-arrears",
            "hrss",
            List.of("district"),
            SeedDayAppeals.WAGE_DISPUTES,
            i -> "城北区柴达木路" + (i % 5 == 0 ? "某工地" : i + "号")));
    transferred.addAll(
        transfers(
            day,
            "hotline-phone",
            51,
            "heating",
            "heating",
            List.of("district"),
            SeedDayAppeals.HEATING,
            i -> "城西区胜利路" + i + "号"));
    transferred.addAll(
        transfers(
            day,
            "hotline-phone",
            42,
            "traffic-order",
            "traffic-police",
            List.of(),
            SeedDayAppeals.TRAFFIC_ORDER,
            i -> "城中区南大街" + i + "号"));
    String[] others = {
      "noise-social",
      "garbage",
      "water-supply",
      "property-management",
      "market-regulation",
      "public-transport",
      "social-insurance"
    };
    int left = 381 - 70 - 51 - 42;
    for (int i = 0; i < others.length; i++) {
      int count = left / others.length + (i < left % others.length ? 1 : 0);
      var topic = CATALOG.topic(others[i]).orElseThrow();
      transferred.addAll(
          transfers(
              day,
              "hotline-phone",
              count,
              others[i],
              topic.primary(),
              topic.assist(),
              List.of(),
              n -> null));
    }
    for (var channel :
        Map.of("mayor-mailbox", 5, "wechat-snapshot", 3, "people-cn", 1).entrySet()) {
      transferred.addAll(
          transfers(
              day,
              channel.getKey(),
              channel.getValue(),
              "garbage",
              "district",
              List.of("urban-management"),
              List.of(),
              n -> null));
    }
    // 228 callbacks made that day.
    for (String number : transferred.subList(0, 228)) {
      handled(number, day, true, Satisfaction.SATISFIED);
    }

    var report = reports.daily(LocalDate.parse(day));

    assertThat(report.calls()).isEqualTo(983);
    assertThat(report.online()).isEqualTo(9);
    assertThat(report.byChannel())
        .containsEntry("mayor-mailbox", 5L)
        .containsEntry("wechat-snapshot", 3L)
        .containsEntry("people-cn", 1L);
    assertThat(report.callsAnsweredDirectly()).isEqualTo(602);
    assertThat(report.callsTransferred()).isEqualTo(381);
    assertThat(report.callbacksMade()).isEqualTo(228);
    assertThat(report.hotTopics())
        .extracting(Reports.HotTopic::topicCode, Reports.HotTopic::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("wage-arrears", 70L),
            org.assertj.core.groups.Tuple.tuple("heating", 51L),
            org.assertj.core.groups.Tuple.tuple("traffic-order", 42L));
    var wages = report.hotTopics().get(0);
    assertThat(wages.mainContent()).isEqualTo("主要反映拖欠工资问题");
    assertThat(wages.unitsContacted())
        .contains("市人力资源和社会保障局（劳动保障监察）")
        .anyMatch(u -> u.contains("城北区"));
    assertThat(report.hotTopics().get(1).concentratedAddress()).isNull();
    assertThat(report.hotTopics().get(2).mainContent()).isEqualTo("主要反映违法停车问题");
    assertThat(report.hotTopics().get(2).unitsContacted())
        .singleElement()
        .asString()
        .contains("交通警察");

    String bulletin = Bulletins.daily(report, reports);
    assertThat(bulletin)
        .startsWith("1月31日，12345政务服务便民热线共受理群众来电983个、网上留言9条（市长信箱5条、12345微信随手拍3条、人民网1条）")
        .contains("来电中直接办理602件，转交责任单位办理381件；回访228个。")
        .contains("热点问题：一是工资纠纷70件，主要反映拖欠工资问题")
        .contains("二是供暖问题51件，主要反映暖气不热问题，无集中反映地址")
        .contains("三是交通秩序42件，主要反映违法停车问题，无集中反映地址，已联系西宁市公安局交通警察支队");
    assertThat(Bulletins.dailyCsv(report, reports)).startsWith("\uFEFF指标,数值").contains("来电,983");
  }

  @Test
  void theReportFor22To28JanuaryShowsThePublishedFigures() {
    // 6,736 appeals by channel; 91.56 % completed; everything unfinished within its time limit.
    var channels =
        Map.of(
            "hotline-phone",
            6665,
            "wechat-snapshot",
            18,
            "city-portal",
            32,
            "gov-cn",
            5,
            "province-portal",
            9,
            "people-cn",
            6,
            "national-platform",
            1);
    int n = 0;
    int completedTransfers = 6168 - 4000;
    for (var channel : channels.entrySet()) {
      for (int i = 0; i < channel.getValue(); i++, n++) {
        String day = "2026-01-%02d".formatted(22 + n % 7);
        if (n < 4000) {
          direct(day, channel.getKey());
        } else {
          String number =
              transfers(
                      day,
                      channel.getKey(),
                      1,
                      "noise-social",
                      "public-security",
                      List.of(),
                      List.of(),
                      x -> null)
                  .get(0);
          if (n - 4000 < completedTransfers) {
            resolved(number, day);
          }
        }
      }
    }

    var report =
        reports.period("seed", LocalDate.parse("2026-01-22"), LocalDate.parse("2026-01-28"));

    assertThat(report.received()).isEqualTo(6736);
    assertThat(report.byChannel())
        .containsEntry("hotline-phone", 6665L)
        .containsEntry("wechat-snapshot", 18L)
        .containsEntry("city-portal", 32L)
        .containsEntry("gov-cn", 5L)
        .containsEntry("province-portal", 9L)
        .containsEntry("people-cn", 6L)
        .containsEntry("national-platform", 1L);
    assertThat(report.completionRate()).isEqualByComparingTo(new BigDecimal("91.56"));
    assertThat(report.overdue()).isZero();
    assertThat(report.openWithinLimit()).isEqualTo(6736 - 6168);
    assertThat(Bulletins.period(report, reports))
        .contains("共受理群众诉求6736件，其中12345政务服务热线6665件")
        .contains("办结率91.56%")
        .contains("办结率91.56%，未办结事项均在办理时限内。");
  }

  @Test
  void batchesElevenAndSeventeenShowThePublishedTables() {
    batch(
        "第十一批",
        "2026-12-03",
        17,
        3,
        Map.of("630102", 3, "630103", 1, "630104", 3, "630105", 4, "630106", 8, "630121", 1),
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
    batch(
        "第十七批",
        "2026-12-09",
        19,
        5,
        Map.of(
            "630102", 2, "630103", 6, "630104", 4, "630105", 3, "630106", 5, "630121", 3, "630123",
            1),
        Map.of(
            "noise-social",
            7,
            "air-pollution",
            9,
            "water-pollution",
            1,
            "ecological-damage",
            3,
            "soil-pollution",
            2,
            "",
            2));

    var eleven = reports.batch("第十一批");
    assertThat(eleven.received()).isEqualTo(20);
    assertThat(eleven.calls()).isEqualTo(17);
    assertThat(eleven.letters()).isEqualTo(3);
    assertThat(eleven.byDistrict())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "630102", 3L, "630103", 1L, "630104", 3L, "630105", 4L, "630106", 8L, "630121",
                1L));
    assertThat(eleven.byTopic())
        .containsEntry("noise-social", 6L)
        .containsEntry("air-pollution", 5L)
        .containsEntry("soil-pollution", 4L);
    var seventeen = reports.batch("第十七批");
    assertThat(seventeen.received()).isEqualTo(24);
    assertThat(seventeen.calls()).isEqualTo(19);
    assertThat(seventeen.letters()).isEqualTo(5);
    assertThat(seventeen.byDistrict()).containsEntry("630103", 6L).containsEntry("630123", 1L);
    assertThat(seventeen.byTopic()).containsEntry("air-pollution", 9L);
    assertThat(seventeen.unclassified()).isEqualTo(2);
  }

  private void batch(
      String label,
      String day,
      int calls,
      int letters,
      Map<String, Integer> districts,
      Map<String, Integer> topics) {
    var districtList = new ArrayList<String>();
    districts.forEach(
        (d, c) -> {
          for (int i = 0; i < c; i++) districtList.add(d);
        });
    var topicList = new ArrayList<String>();
    topics.forEach(
        (t, c) -> {
          for (int i = 0; i < c; i++) topicList.add(t);
        });
    for (int i = 0; i < calls + letters; i++) {
      String number = number(day);
      var at = OffsetDateTime.parse(day + "T10:00:00+08:00");
      String topic = topicList.get(i);
      received.pipeInput(
          number,
          new TicketReceived(
              UUID.randomUUID(),
              number,
              at,
              i < calls ? "hotline-phone" : "letter",
              AppealType.COMPLAINT,
              "中央生态环境保护督察转办件",
              null,
              districtList.get(i),
              null,
              null,
              null,
              null,
              null,
              false,
              null,
              label,
              List.of()));
      routed.pipeInput(
          number,
          new TicketRouted(
              UUID.randomUUID(),
              number,
              at,
              at,
              i < calls ? "hotline-phone" : "letter",
              topic.isEmpty() ? RoutingOutcome.TRIAGE : RoutingOutcome.TRANSFER,
              topic.isEmpty() ? null : topic,
              districtList.get(i),
              topic.isEmpty() ? null : "ecology",
              List.of(),
              "test",
              "test",
              "test",
              at.plusDays(5),
              Priority.NORMAL));
    }
  }

  private void direct(String day, String channel) {
    String number = number(day);
    var at = OffsetDateTime.parse(day + "T10:00:00+08:00");
    received.pipeInput(number, ticket(number, at, channel, null));
    routed.pipeInput(
        number,
        new TicketRouted(
            UUID.randomUUID(),
            number,
            at,
            at,
            channel,
            RoutingOutcome.DIRECT,
            "policy-consultation",
            null,
            "hotline",
            List.of(),
            "direct",
            "test",
            "test",
            null,
            Priority.NORMAL));
  }

  private List<String> transfers(
      String day,
      String channel,
      int count,
      String topic,
      String primary,
      List<String> assist,
      List<String> appeals,
      java.util.function.IntFunction<String> address) {
    var numbers = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      String number = number(day);
      var at = OffsetDateTime.parse(day + "T10:00:00+08:00");
      String district = List.of("630102", "630103", "630104", "630105").get(i % 4);
      String content = appeals.isEmpty() ? "内容" : appeals.get(i % appeals.size());
      received.pipeInput(number, ticket(number, at, channel, content, address.apply(i)));
      routed.pipeInput(
          number,
          new TicketRouted(
              UUID.randomUUID(),
              number,
              at,
              at,
              channel,
              RoutingOutcome.TRANSFER,
              topic,
              district,
              primary,
              assist,
              "test",
              "test",
              "test",
              at.plusDays(7),
              Priority.NORMAL));
      lifecycle.pipeInput(
          number, event(number, CaseEventKind.OPENED, CaseStatus.ASSIGNED, at, at.plusDays(7)));
      numbers.add(number);
    }
    return numbers;
  }

  private void resolved(String number, String day) {
    var at = OffsetDateTime.parse(day + "T15:00:00+08:00");
    lifecycle.pipeInput(
        number, event(number, CaseEventKind.ACCEPTED, CaseStatus.ACCEPTED, at, at.plusDays(6)));
    lifecycle.pipeInput(
        number,
        event(
            number, CaseEventKind.RESOLVED, CaseStatus.RESOLVED, at.plusHours(1), at.plusDays(6)));
  }

  private void handled(String number, String day, boolean reached, Satisfaction satisfaction) {
    resolved(number, day);
    var at = OffsetDateTime.parse(day + "T18:00:00+08:00");
    lifecycle.pipeInput(
        number,
        event(number, CaseEventKind.REVIEW_APPROVED, CaseStatus.APPROVED, at, at.plusDays(6)));
    lifecycle.pipeInput(
        number,
        new CaseEvent(
            UUID.randomUUID(),
            number,
            CaseEventKind.CALLBACK_RECORDED,
            UUID.randomUUID(),
            CaseStatus.APPROVED,
            at.plusMinutes(30),
            null,
            "回访员",
            null,
            at.plusDays(6),
            "回访",
            reached,
            true,
            satisfaction,
            List.of(),
            0,
            0));
    lifecycle.pipeInput(
        number,
        event(number, CaseEventKind.CLOSED, CaseStatus.CLOSED, at.plusMinutes(30), at.plusDays(6)));
  }

  private static CaseEvent event(
      String number,
      CaseEventKind kind,
      CaseStatus status,
      OffsetDateTime at,
      OffsetDateTime dueAt) {
    return new CaseEvent(
        UUID.randomUUID(),
        number,
        kind,
        UUID.randomUUID(),
        status,
        at,
        null,
        null,
        null,
        dueAt,
        null,
        null,
        null,
        null,
        List.of(),
        0,
        0);
  }

  private static TicketReceived ticket(
      String number, OffsetDateTime at, String channel, String address) {
    return ticket(number, at, channel, "内容", address);
  }

  private static TicketReceived ticket(
      String number, OffsetDateTime at, String channel, String content, String address) {
    return new TicketReceived(
        UUID.randomUUID(), number, at, channel, AppealType.COMPLAINT, content, address, null, null);
  }

  private String number(String day) {
    return day.substring(2).replace("-", "") + "-01-" + "%05d".formatted(++sequence);
  }
}
