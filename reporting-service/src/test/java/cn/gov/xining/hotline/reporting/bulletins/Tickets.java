package cn.gov.xining.hotline.reporting.bulletins;

import cn.gov.xining.hotline.catalog.Catalog;
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
import cn.gov.xining.hotline.reporting.figures.ReportingTopologyDriver;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Tickets piped into the production topology the way reports/SeedFiguresTest pipes them: received,
 * routed, and for the handled ones signed for, resolved, approved, called back and closed.
 */
final class Tickets {

  private static final List<String> DISTRICTS = List.of("630102", "630103", "630104", "630105");

  private final TestInputTopic<String, TicketReceived> received;
  private final TestInputTopic<String, TicketRouted> routed;
  private final TestInputTopic<String, CaseEvent> lifecycle;
  private int sequence;

  Tickets(TopologyTestDriver driver) {
    received = ReportingTopologyDriver.input(driver, Topics.TICKETS_RECEIVED, TicketReceived.class);
    routed = ReportingTopologyDriver.input(driver, Topics.ROUTING_DECISIONS, TicketRouted.class);
    lifecycle = ReportingTopologyDriver.input(driver, Topics.TICKET_LIFECYCLE, CaseEvent.class);
  }

  /**
   * The seeds' 31 January 2026 (shared/README.md): 983 calls, 602 answered directly and 381
   * transferred (wage disputes 70, heating 51, traffic order 42, the rest over seven topics); 9
   * online messages (mayor's mailbox 5, WeChat 3, People.cn 1); the first 228 transferred tickets
   * resolved and called back, satisfied. So wage disputes and social insurance make the labour
   * inspection's 101 tickets, 70 resolved; the water company gets 31, 2 of them resolved.
   */
  void theThirtyFirstOfJanuary(Catalog catalog) {
    String day = "2026-01-31";
    for (int i = 0; i < 602; i++) {
      direct(day, "hotline-phone");
    }
    var transferred = new ArrayList<String>();
    for (int i = 0; i < 70; i++) {
      transferred.add(
          transferred(
              day, "hotline-phone", "wage-arrears", "hrss", List.of("district"), "拖欠工资", null));
    }
    for (int i = 0; i < 51; i++) {
      transferred.add(
          transferred(
              day, "hotline-phone", "heating", "heating", List.of("district"), "暖气不热", null));
    }
    for (int i = 0; i < 42; i++) {
      transferred.add(
          transferred(
              day, "hotline-phone", "traffic-order", "traffic-police", List.of(), "违章停车", null));
    }
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
    for (int t = 0; t < others.length; t++) {
      var topic = catalog.topic(others[t]).orElseThrow();
      for (int i = 0; i < left / others.length + (t < left % others.length ? 1 : 0); i++) {
        transferred.add(
            transferred(
                day, "hotline-phone", topic.code(), topic.primary(), topic.assist(), null, null));
      }
    }
    var online =
        Stream.of(
                Collections.nCopies(5, "mayor-mailbox"),
                Collections.nCopies(3, "wechat-snapshot"),
                List.of("people-cn"))
            .flatMap(List::stream)
            .toList();
    for (String channel : online) {
      transferred.add(
          transferred(
              day, channel, "garbage", "district", List.of("urban-management"), null, null));
    }
    for (String number : transferred.subList(0, 228)) {
      resolvedAndCalledBack(number, day, Satisfaction.SATISFIED);
    }
  }

  /** Answered on the call (直接办理). */
  void direct(String day, String channel) {
    String number = number(day);
    var at = OffsetDateTime.parse(day + "T10:00:00+08:00");
    received.pipeInput(
        number,
        new TicketReceived(
            UUID.randomUUID(), number, at, channel, AppealType.COMPLAINT, "内容", null, null, null));
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

  /** Transferred to a unit (转交), with the words its rule matched and the address given. */
  String transferred(
      String day,
      String channel,
      String topic,
      String unit,
      List<String> assisting,
      String phrase,
      String address) {
    String number = number(day);
    var at = OffsetDateTime.parse(day + "T10:00:00+08:00");
    received.pipeInput(
        number,
        new TicketReceived(
            UUID.randomUUID(),
            number,
            at,
            channel,
            AppealType.COMPLAINT,
            "内容",
            address,
            null,
            null));
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
            DISTRICTS.get(sequence % DISTRICTS.size()),
            unit,
            assisting,
            "test",
            "test",
            "test",
            at.plusDays(7),
            Priority.NORMAL,
            phrase == null ? List.of() : List.of(phrase)));
    lifecycle.pipeInput(
        number, event(number, CaseEventKind.OPENED, CaseStatus.ASSIGNED, at, at.plusDays(7)));
    return number;
  }

  /** Signed for and resolved the same day, approved, called back (reached, solved) and closed. */
  void resolvedAndCalledBack(String number, String day, Satisfaction satisfaction) {
    var at = OffsetDateTime.parse(day + "T15:00:00+08:00");
    var due = at.plusDays(6);
    lifecycle.pipeInput(
        number, event(number, CaseEventKind.ACCEPTED, CaseStatus.ACCEPTED, at, due));
    lifecycle.pipeInput(
        number, event(number, CaseEventKind.RESOLVED, CaseStatus.RESOLVED, at.plusHours(1), due));
    lifecycle.pipeInput(
        number,
        event(number, CaseEventKind.REVIEW_APPROVED, CaseStatus.APPROVED, at.plusHours(3), due));
    lifecycle.pipeInput(
        number,
        new CaseEvent(
            UUID.randomUUID(),
            number,
            CaseEventKind.CALLBACK_RECORDED,
            UUID.randomUUID(),
            CaseStatus.APPROVED,
            at.plusHours(4),
            null,
            "回访员",
            null,
            due,
            "回访",
            true,
            true,
            satisfaction,
            List.of(),
            0,
            0));
    lifecycle.pipeInput(
        number, event(number, CaseEventKind.CLOSED, CaseStatus.CLOSED, at.plusHours(4), due));
  }

  /** One ticket of a batch (e.g. a central inspection's 第十一批); an empty topic is unclassified. */
  void inBatch(String label, String day, String channel, String district, String topic) {
    String number = number(day);
    var at = OffsetDateTime.parse(day + "T10:00:00+08:00");
    received.pipeInput(
        number,
        new TicketReceived(
            UUID.randomUUID(),
            number,
            at,
            channel,
            AppealType.COMPLAINT,
            "中央生态环境保护督察转办件",
            null,
            district,
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
            channel,
            topic.isEmpty() ? RoutingOutcome.TRIAGE : RoutingOutcome.TRANSFER,
            topic.isEmpty() ? null : topic,
            district,
            topic.isEmpty() ? null : "ecology",
            List.of(),
            "test",
            "test",
            "test",
            at.plusDays(5),
            Priority.NORMAL));
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

  private String number(String day) {
    return day.substring(2).replace("-", "") + "-01-" + "%05d".formatted(++sequence);
  }
}
