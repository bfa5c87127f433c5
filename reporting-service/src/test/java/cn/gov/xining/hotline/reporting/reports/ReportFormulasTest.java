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
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/**
 * The report formulas of docs/api.md, one case each, through the production topology: the five
 * figures that once departed from them (issue 15, A–E) and the questions the formulas settle. The
 * lifecycle events are those handling-service publishes: the lead unit, every unit that sent the
 * ticket back and the number of re-handlings on each.
 */
class ReportFormulasTest {

  private static final Catalog CATALOG =
      CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml"));
  private static final LocalDate DAY = LocalDate.parse("2026-03-02");
  private static final OffsetDateTime NINE = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

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
    // Rates from the first case, so that one ticket shows its effect on a unit's rate.
    reports =
        ReportingTopologyDriver.reports(driver, CATALOG, new ReportingProperties(3, 5, 1, 3, 0.3));
  }

  @AfterEach
  void stopTopology() {
    driver.close();
  }

  // A.

  @Test
  void aUnitStillCountsATicketItSentBackWhenEveryUnitSentItBackAndItWaitsInTriage() {
    // given: labour inspection sends the ticket back, the district government it goes to next
    // does too, and routing leaves it to the triage staff
    String number = receive();
    transfer(number, "wage-arrears", "hrss", "gov-630105");
    var handling = handling(number).openedTo("hrss", NINE).returned(NINE.plusHours(2));
    transfer(number, "wage-arrears", "gov-630105");
    handling.openedTo("gov-630105", NINE.plusHours(3)).returned(NINE.plusHours(4));
    triage(number, "wage-arrears");

    // when
    var units = units(reports.breakdown(DAY, DAY));

    // then
    assertThat(units).containsOnlyKeys("hrss", "gov-630105");
    for (var unit : units.values()) {
      assertThat(unit.received()).isEqualTo(1);
      assertThat(unit.returned()).isEqualTo(1);
      assertThat(unit.resolved()).isZero();
      assertThat(unit.resolutionRate()).isEqualByComparingTo("0");
    }
  }

  @Test
  void aUnitStillCountsATicketItSentBackThatTheTriageStaffThenGaveTheHotlineToAnswer() {
    // given
    String number = receive();
    transfer(number, "wage-arrears", "hrss");
    handling(number).openedTo("hrss", NINE).returned(NINE.plusHours(2));
    triage(number, "wage-arrears");
    direct(number, "wage-arrears");

    // when
    var hrss = units(reports.breakdown(DAY, DAY)).get("hrss");

    // then: the hotline completed it, the unit did not
    assertThat(hrss.received()).isEqualTo(1);
    assertThat(hrss.returned()).isEqualTo(1);
    assertThat(hrss.resolved()).isZero();
    assertThat(reports.period("day", DAY, DAY).completed()).isEqualTo(1);
  }

  // B.

  @Test
  void aUnitThatSignedForATicketInTimeIsCreditedForItAfterReturningIt() {
    // given: labour inspection signs within an hour and then sends it back; the district
    // government it goes to signs 27 hours after getting it
    String number = receive();
    transfer(number, "wage-arrears", "hrss");
    var handling =
        handling(number)
            .openedTo("hrss", NINE)
            .signedFor(NINE.plusHours(1))
            .returned(NINE.plusHours(2));
    transfer(number, "wage-arrears", "gov-630105");
    handling.openedTo("gov-630105", NINE.plusHours(3)).signedFor(NINE.plusHours(30));

    // when
    var units = units(reports.breakdown(DAY, DAY));

    // then
    assertThat(units.get("hrss").signedForOnTime()).isEqualTo(1);
    assertThat(units.get("hrss").responseRate()).isEqualByComparingTo("100");
    assertThat(units.get("gov-630105").signedForOnTime()).isZero();
    assertThat(units.get("gov-630105").responseRate()).isEqualByComparingTo("0");
  }

  // C, and ties among units.

  @Test
  void aHotTopicListsOnlyTheUnitsItsTicketsWereTransferredToLeadUnitsFirstThenByCountThenByCode() {
    // given: two wage appeals answered on the call; four transferred, the city district
    // government assisting on each, three different lead units
    for (int i = 0; i < 2; i++) {
      direct(receive(), "wage-arrears");
    }
    transfer(receive(), "wage-arrears", "gov-630104", "gov-630105");
    transfer(receive(), "wage-arrears", "gov-630102", "gov-630105");
    transfer(receive(), "wage-arrears", "hrss", "gov-630105");
    transfer(receive(), "wage-arrears", "hrss", "gov-630105");

    // when
    var wages = reports.daily(DAY).hotTopics().get(0);

    // then
    assertThat(wages.count()).isEqualTo(6);
    assertThat(wages.unitsContacted())
        .containsExactly(
            reports.unitName("hrss"),
            reports.unitName("gov-630102"),
            reports.unitName("gov-630104"),
            reports.unitName("gov-630105"))
        .doesNotContain(reports.unitName(Catalog.HOTLINE_UNIT));
  }

  @Test
  void unitsWithTheSameResolutionRateAreRankedByTheirCasesThenByCode() {
    // given: three units resolve every ticket they get; labour inspection gets two
    for (String unit : List.of("heating", "gov-630102", "hrss", "hrss")) {
      String number = receive();
      transfer(number, "wage-arrears", unit);
      handling(number)
          .openedTo(unit, NINE)
          .signedFor(NINE.plusHours(1))
          .resolved(NINE.plusHours(5));
    }

    // when
    var ranking = reports.breakdown(DAY, DAY).units();

    // then
    assertThat(ranking)
        .extracting(Reports.UnitPerformance::unit)
        .containsExactly("hrss", "gov-630102", "heating");
  }

  // D.

  @Test
  void ticketsWaitingInTriageAreNeitherOpenWithinTheLimitNorOverdue() {
    // given: a transferred ticket open within its limit; one in triage from the start; one that
    // went overdue, was sent back and waits in triage
    String open = receive();
    transfer(open, "heating", "heating");
    handling(open).openedTo("heating", NINE);
    triage(receive(), "garbage");
    String returned = receive();
    transfer(returned, "heating", "heating");
    handling(returned)
        .openedTo("heating", NINE)
        .overdue(NINE.plusDays(6))
        .returned(NINE.plusDays(6).plusHours(1));
    triage(returned, "heating");

    // when
    var period = reports.period("day", DAY, DAY);

    // then
    assertThat(period.openWithinLimit()).isEqualTo(1);
    assertThat(period.overdue()).isZero();
    assertThat(reports.daily(DAY).inTriage()).isEqualTo(2);
  }

  // Behind the figures: what a manager opens from the dashboard.

  @Test
  void theTicketsBehindOverdueAndWithinTheLimitAreListedByLeadUnitTheMostOverdueFirst() {
    // given: heating has one ticket open within its limit; labour inspection one overdue and one
    // within; one completed and one in triage are in neither list
    String heating = receive();
    transfer(heating, "heating", "heating");
    handling(heating).openedTo("heating", NINE);
    String late = receive();
    transfer(late, "wage-arrears", "hrss");
    handling(late).openedTo("hrss", NINE).overdue(NINE.plusDays(6));
    String soon = receive();
    transfer(soon, "wage-arrears", "hrss");
    handling(soon).openedTo("hrss", NINE.plusHours(1));
    resolvedAndApproved(transferred("heating"), "heating");
    triage(receive(), "garbage");

    // when
    var open = reports.openTickets(DAY, DAY);

    // then: the lists hold exactly what the figures count
    var period = reports.period("day", DAY, DAY);
    assertThat(open.overdue()).isEqualTo(period.overdue()).isEqualTo(1);
    assertThat(open.withinLimit()).isEqualTo(period.openWithinLimit()).isEqualTo(2);
    assertThat(Bulletins.period(period, reports)).contains("办结率20.00%，未办结事项3件，其中在办理时限内2件、超期1件。");
    assertThat(open.units())
        .extracting(Reports.UnitOpenTickets::unit)
        .containsExactly("hrss", "heating");
    var hrss = open.units().get(0);
    assertThat(hrss.name()).isEqualTo(CATALOG.unit("hrss").orElseThrow().name());
    assertThat(hrss.overdue())
        .singleElement()
        .satisfies(
            ticket -> {
              assertThat(ticket.ticketNumber()).isEqualTo(late);
              assertThat(ticket.received()).isEqualTo(DAY);
              // the time limit in force: the one handling's latest event carries
              assertThat(ticket.dueAt()).isEqualTo(NINE.plusDays(6).plusDays(5));
            });
    assertThat(hrss.withinLimit())
        .extracting(Reports.OpenTicket::ticketNumber)
        .containsExactly(soon);
    assertThat(open.units().get(1).withinLimit())
        .extracting(Reports.OpenTicket::ticketNumber)
        .containsExactly(heating);
  }

  @Test
  void aDistrictsRatesFollowTheCitysFormulas() {
    // given: in Chengbei one appeal answered on the call, one transferred and open, one
    // transferred, resolved and called back satisfied, one waiting in triage
    direct(receive(), "policy-consultation");
    transfer(receive(), "heating", "heating");
    resolvedAndApproved(transferred("heating"), "heating")
        .calledBack(NINE.plusDays(1), true, true, Satisfaction.SATISFIED);
    triage(receive(), "garbage");

    // when
    var chengbei = reports.breakdown(DAY, DAY).districts();

    // then: completed of received, satisfied of reached verdicts
    assertThat(chengbei)
        .singleElement()
        .satisfies(
            district -> {
              assertThat(district.district()).isEqualTo("630105");
              assertThat(district.name()).isEqualTo("城北区");
              assertThat(district.received()).isEqualTo(4);
              assertThat(district.completed()).isEqualTo(2);
              assertThat(district.completionRate()).isEqualByComparingTo("50.00");
              assertThat(district.callbacksReached()).isEqualTo(1);
              assertThat(district.satisfied()).isEqualTo(1);
              assertThat(district.satisfactionRate()).isEqualByComparingTo("100.00");
            });
  }

  @Test
  void aMonthIsComparedWithTheMonthBeforeAndAYearWithTheYearBefore() {
    // given: one appeal on 2 March, two in February (one answered directly), one in 2025
    direct(receive(), "policy-consultation");
    direct(receiveAt(OffsetDateTime.parse("2026-02-10T10:00:00+08:00")), "policy-consultation");
    receiveAt(OffsetDateTime.parse("2026-02-28T23:59:00+08:00"));
    receiveAt(OffsetDateTime.parse("2025-12-31T23:00:00+08:00"));

    // when
    var march = reports.monthly(java.time.YearMonth.of(2026, 3));
    var year = reports.yearly(java.time.Year.of(2026));

    // then
    assertThat(march.label()).isEqualTo("2026-03");
    assertThat(march.from()).isEqualTo("2026-03-01");
    assertThat(march.to()).isEqualTo("2026-03-31");
    assertThat(march.received()).isEqualTo(1);
    assertThat(march.periodBefore().from()).isEqualTo("2026-02-01");
    assertThat(march.periodBefore().to()).isEqualTo("2026-02-28");
    assertThat(march.periodBefore().received()).isEqualTo(2);
    assertThat(march.receivedPeriodBefore()).isEqualTo(2);
    assertThat(march.periodBefore().completionRate()).isEqualByComparingTo("50.00");
    assertThat(year.received()).isEqualTo(3);
    assertThat(year.from()).isEqualTo("2026-01-01");
    assertThat(year.to()).isEqualTo("2026-12-31");
    assertThat(year.periodBefore().received()).isEqualTo(1);
  }

  @Test
  void theTrendCarriesEachDaysCompletionAndSatisfactionRatesWithTheirDenominators() {
    // given: two appeals, one completed and called back basically satisfied
    transfer(receive(), "heating", "heating");
    resolvedAndApproved(transferred("heating"), "heating")
        .calledBack(NINE.plusDays(1), true, true, Satisfaction.BASICALLY_SATISFIED);

    // when
    var day = reports.trend(DAY, 1).get(0);

    // then
    assertThat(day.received()).isEqualTo(2);
    assertThat(day.completed()).isEqualTo(1);
    assertThat(day.completionRate()).isEqualByComparingTo("50.00");
    assertThat(day.callbacksWithVerdict()).isEqualTo(1);
    assertThat(day.satisfactionRate()).isEqualByComparingTo("100.00");
  }

  // E.

  @Test
  void aCallbackThatDoesNotReachTheCitizenLeavesAnEarlierReachedVerdictStanding() {
    // given: the citizen is reached and unsatisfied, the unit handles it again, and the second
    // call does not get through
    String number = receive();
    transfer(number, "wage-arrears", "hrss");
    handling(number)
        .openedTo("hrss", NINE)
        .signedFor(NINE.plusHours(1))
        .resolved(NINE.plusHours(5))
        .approved(NINE.plusHours(6))
        .calledBack(NINE.plusDays(1), true, false, Satisfaction.NOT_SATISFIED)
        .resolved(NINE.plusDays(2))
        .approved(NINE.plusDays(2).plusHours(1))
        .calledBack(NINE.plusDays(3), false, null, null);

    // when
    var period = reports.period("day", DAY, DAY);
    var hrss = units(reports.breakdown(DAY, DAY)).get("hrss");

    // then
    assertThat(period.callbacks()).isEqualTo(1);
    assertThat(period.callbacksReached()).isEqualTo(1);
    assertThat(period.solvedRate()).isEqualByComparingTo("0");
    assertThat(period.satisfactionRate()).isEqualByComparingTo("0");
    assertThat(hrss.callbacksReached()).isEqualTo(1);
    assertThat(hrss.satisfied()).isZero();
    assertThat(hrss.satisfactionRate()).isEqualByComparingTo("0");
  }

  // Settled: rates per ticket, the latest reached verdict.

  @Test
  void aTicketCalledBackTwiceCountsOnceWithTheVerdictOfItsLatestReachedCallback() {
    // given: one ticket unsatisfied, handled again and then satisfied; another basically
    // satisfied at the first call; all calls made the next day
    String twice = receive();
    transfer(twice, "wage-arrears", "hrss");
    handling(twice)
        .openedTo("hrss", NINE)
        .signedFor(NINE.plusHours(1))
        .resolved(NINE.plusHours(5))
        .approved(NINE.plusHours(6))
        .calledBack(NINE.plusDays(1), true, false, Satisfaction.NOT_SATISFIED)
        .resolved(NINE.plusDays(1).plusHours(2))
        .approved(NINE.plusDays(1).plusHours(3))
        .calledBack(NINE.plusDays(1).plusHours(4), true, true, Satisfaction.SATISFIED);
    String once = receive();
    transfer(once, "wage-arrears", "hrss");
    handling(once)
        .openedTo("hrss", NINE)
        .signedFor(NINE.plusHours(1))
        .resolved(NINE.plusHours(5))
        .approved(NINE.plusHours(6))
        .calledBack(NINE.plusDays(1), true, true, Satisfaction.BASICALLY_SATISFIED);

    // when
    var period = reports.period("day", DAY, DAY);

    // then: per ticket on the day it was received; per call on the day it was made
    assertThat(period.callbacks()).isEqualTo(2);
    assertThat(period.callbacksReached()).isEqualTo(2);
    assertThat(period.solvedRate()).isEqualByComparingTo("100");
    assertThat(period.satisfactionRate()).isEqualByComparingTo("100");
    assertThat(units(reports.breakdown(DAY, DAY)).get("hrss").satisfied()).isEqualTo(2);
    assertThat(reports.daily(DAY.plusDays(1)).callbacksMade()).isEqualTo(3);
  }

  // Settled: an unreached call is a callback made, not a verdict.

  @Test
  void anUnreachedCallIsACallbackMadeButInNeitherTheSolvedNorTheSatisfactionDenominator() {
    // given
    String reached = receive();
    transfer(reached, "heating", "heating");
    resolvedAndApproved(reached, "heating")
        .calledBack(NINE.plusDays(1), true, true, Satisfaction.SATISFIED);
    String unreached = receive();
    transfer(unreached, "heating", "heating");
    resolvedAndApproved(unreached, "heating").calledBack(NINE.plusDays(1), false, null, null);

    // when
    var period = reports.period("day", DAY, DAY);

    // then
    assertThat(period.callbacks()).isEqualTo(2);
    assertThat(period.callbacksReached()).isEqualTo(1);
    assertThat(period.solvedRate()).isEqualByComparingTo("100");
    assertThat(period.satisfactionRate()).isEqualByComparingTo("100");
    assertThat(reports.daily(DAY.plusDays(1)).callbacksMade()).isEqualTo(2);
  }

  @Test
  void aReachedCallWithoutAVerdictCountsForTheSolvedRateButNotForTheSatisfactionRate() {
    // given
    String withVerdict = receive();
    transfer(withVerdict, "heating", "heating");
    resolvedAndApproved(withVerdict, "heating")
        .calledBack(NINE.plusDays(1), true, true, Satisfaction.SATISFIED);
    String withoutVerdict = receive();
    transfer(withoutVerdict, "heating", "heating");
    resolvedAndApproved(withoutVerdict, "heating").calledBack(NINE.plusDays(1), true, false, null);

    // when
    var period = reports.period("day", DAY, DAY);

    // then
    assertThat(period.callbacksReached()).isEqualTo(2);
    assertThat(period.solvedRate()).isEqualByComparingTo("50");
    assertThat(period.satisfactionRate()).isEqualByComparingTo("100");
  }

  // Settled: re-handled per ticket, for the unit whose result it was.

  @Test
  void aResultSentBackTwiceIsOneReHandledTicketOfTheUnitWhoseResultItWas() {
    // given: labour inspection's result is sent back twice, then it returns the ticket and the
    // district government resolves it; the heating office's result is re-opened after a
    // 不满意 callback
    String number = receive();
    transfer(number, "wage-arrears", "hrss");
    var handling =
        handling(number)
            .openedTo("hrss", NINE)
            .signedFor(NINE.plusHours(1))
            .resolved(NINE.plusHours(2))
            .sentBack(NINE.plusHours(3))
            .resolved(NINE.plusHours(4))
            .sentBack(NINE.plusHours(5))
            .returned(NINE.plusHours(6));
    transfer(number, "wage-arrears", "gov-630105");
    handling
        .openedTo("gov-630105", NINE.plusHours(7))
        .signedFor(NINE.plusHours(8))
        .resolved(NINE.plusHours(9))
        .approved(NINE.plusHours(10));
    String reopened = receive();
    transfer(reopened, "heating", "heating");
    resolvedAndApproved(reopened, "heating")
        .calledBack(NINE.plusDays(1), true, false, Satisfaction.NOT_SATISFIED);

    // when
    var units = units(reports.breakdown(DAY, DAY));

    // then
    assertThat(units.get("hrss").rehandled()).isEqualTo(1);
    assertThat(units.get("gov-630105").rehandled()).isZero();
    assertThat(units.get("gov-630105").resolved()).isEqualTo(1);
    assertThat(units.get("heating").rehandled()).isEqualTo(1);
  }

  // Settled: which channels are online messages.

  @Test
  void onlineMessagesAreEveryCatalogChannelButThe12345LineAndLetters() {
    // given: one appeal on each of the catalog's channels
    for (var channel : CATALOG.channels()) {
      direct(receive(channel.code(), AppealType.CONSULTATION, null), "policy-consultation");
    }

    // when
    var daily = reports.daily(DAY);

    // then
    assertThat(daily.calls()).isEqualTo(1);
    assertThat(daily.letters()).isEqualTo(1);
    assertThat(daily.online()).isEqualTo(CATALOG.channels().size() - 2).isEqualTo(7);
    assertThat(daily.calls() + daily.online() + daily.letters()).isEqualTo(daily.received());
    assertThat(Bulletins.daily(daily, reports))
        .contains("网上留言7条（")
        .contains("市长信箱1条")
        .contains("12345微信随手拍1条")
        .contains("国家政务服务平台1条")
        .contains("、来信1件");
  }

  // Settled: ties among hot topics and addresses.

  @Test
  void hotTopicsWithTheSameCountAreListedByTopicCode() {
    // given
    for (String topic :
        List.of(
            "wage-arrears",
            "wage-arrears",
            "heating",
            "heating",
            "garbage",
            "garbage",
            "traffic-order",
            "traffic-order",
            "traffic-order")) {
      transfer(receive(), topic, "district");
    }

    // when
    var hot = reports.daily(DAY).hotTopics();

    // then
    assertThat(hot)
        .extracting(Reports.HotTopic::topicCode)
        .containsExactly("traffic-order", "garbage", "heating");
  }

  @Test
  void twoAddressesGivenEquallyOftenConcentrateOnTheOneFirstInCodePointOrder() {
    // given
    for (String address :
        List.of("城西区胜利路1号", "城西区胜利路1号", "城西区胜利路1号", "城东区互助路226号院", "城东区互助路226号院", "城东区互助路226号院")) {
      transfer(receive("hotline-phone", AppealType.COMPLAINT, address), "heating", "heating");
    }

    // when
    var heating = reports.daily(DAY).hotTopics().get(0);

    // then: 东 (U+4E1C) before 西 (U+897F)
    assertThat(heating.concentratedAddress()).isEqualTo("城东区互助路226号院");
  }

  // Settled: concentration counts every appeal of the topic.

  @Test
  void addressConcentrationCountsEveryAppealOfTheTopicWhateverItsType() {
    // given: three of five heating appeals at one address, none of the three a complaint
    for (var type : List.of(AppealType.HELP, AppealType.CONSULTATION, AppealType.SUGGESTION)) {
      transfer(receive("hotline-phone", type, "城西区胜利路12号"), "heating", "heating");
    }
    transfer(receive("hotline-phone", AppealType.COMPLAINT, "城北区朝阳东路3号"), "heating", "heating");
    transfer(receive("hotline-phone", AppealType.COMPLAINT, "城中区南大街8号"), "heating", "heating");

    // when
    var heating = reports.daily(DAY).hotTopics().get(0);

    // then
    assertThat(heating.count()).isEqualTo(5);
    assertThat(heating.concentratedAddress()).isEqualTo("城西区胜利路12号");
  }

  // Repeat appeals (重复件).

  @Test
  void threeAppealsAboutOneBurstPipeAndOneOtherAreFourAppealsAndTwoProblems() {
    // given: a burst pipe transferred to the water company, two more callers about it linked to
    // that open ticket, and a heating appeal
    burstPipeWithTwoRepeats();
    transfer(receive(), "heating", "heating");

    // when
    var daily = reports.daily(DAY);
    var period = reports.period("day", DAY, DAY);

    // then: appeals and problems in every report that counts appeals
    assertThat(daily.received()).isEqualTo(4);
    assertThat(daily.linkedAppeals()).isEqualTo(2);
    assertThat(daily.distinctProblems()).isEqualTo(2);
    assertThat(List.of(period.received(), period.linkedAppeals(), period.distinctProblems()))
        .containsExactly(4L, 2L, 2L);
    var breakdown = reports.breakdown(DAY, DAY);
    assertThat(List.of(breakdown.linkedAppeals(), breakdown.distinctProblems()))
        .containsExactly(2L, 2L);
    assertThat(reports.trend(DAY, 1))
        .singleElement()
        .satisfies(
            day -> {
              assertThat(day.linkedAppeals()).isEqualTo(2);
              assertThat(day.distinctProblems()).isEqualTo(2);
            });
    var counts = reports.dailyCounts(DAY);
    assertThat(List.of(counts.total(), counts.linkedAppeals(), counts.distinctProblems()))
        .containsExactly(4L, 2L, 2L);
    assertThat(Bulletins.dailyCsv(daily, reports).contains("受理总量,4\r\n其中重复件,2\r\n去重后问题数,2\r\n"))
        .isTrue();
    // the repeats are transferred appeals of the water supply topic, never answered directly
    assertThat(daily.answeredDirectly()).isZero();
    assertThat(daily.callsAnsweredDirectly()).isZero();
    assertThat(daily.transferred()).isEqualTo(4);
    assertThat(daily.callsTransferred()).isEqualTo(4);
    assertThat(daily.inTriage()).isZero();
    assertThat(counts.byOutcome()).containsExactly(Map.entry("TRANSFER", 4L));
    assertThat(daily.hotTopics().get(0).topicCode()).isEqualTo("water-supply");
    assertThat(daily.hotTopics().get(0).count()).isEqualTo(3);
    assertThat(counts.byUnit()).containsEntry("water", 3L).containsEntry("heating", 1L);
  }

  @Test
  void aRepeatAppealIsNotACaseOfTheLeadUnitButItsCitizensVerdictCountsForIt() {
    // given: the water company signs for the burst pipe in time and mends it; the review
    // approves; its caller is satisfied, one repeat caller basically satisfied, the other not
    var pipe = burstPipeWithTwoRepeats();
    pipe.open()
        .signedFor(NINE.plusHours(1))
        .resolved(NINE.plusHours(5))
        .approved(NINE.plusHours(6))
        .calledBack(NINE.plusDays(1), true, true, Satisfaction.SATISFIED);
    pipe.repeats()
        .get(0)
        .resultShared(NINE.plusHours(6))
        .verdict(NINE.plusDays(1), true, Satisfaction.BASICALLY_SATISFIED);
    pipe.repeats()
        .get(1)
        .resultShared(NINE.plusHours(6))
        .verdict(NINE.plusDays(1), false, Satisfaction.NOT_SATISFIED);

    // when
    var water = units(reports.breakdown(DAY, DAY)).get("water");
    var period = reports.period("day", DAY, DAY);

    // then: one case, signed for and resolved: its rates are not those of three cases, nor
    // lowered by two appeals nobody could sign for
    assertThat(water.received()).isEqualTo(1);
    assertThat(water.linkedAppeals()).isEqualTo(2);
    assertThat(water.signedForOnTime()).isEqualTo(1);
    assertThat(water.resolved()).isEqualTo(1);
    assertThat(water.resolvedOnTime()).isEqualTo(1);
    assertThat(water.responseRate()).isEqualByComparingTo("100");
    assertThat(water.resolutionRate()).isEqualByComparingTo("100");
    // each citizen's verdict is their own
    assertThat(water.callbacksReached()).isEqualTo(3);
    assertThat(water.satisfied()).isEqualTo(2);
    assertThat(water.satisfactionRate()).isEqualByComparingTo("66.66");
    // the city: three appeals, each completed once its result is shared with it, on time
    assertThat(period.completed()).isEqualTo(3);
    assertThat(period.completionRate()).isEqualByComparingTo("100.00");
    assertThat(period.completedOnTime()).isEqualTo(3);
    assertThat(period.callbacksReached()).isEqualTo(3);
    assertThat(period.satisfactionRate()).isEqualByComparingTo("66.66");
  }

  @Test
  void aRepeatAppealIsOpenUnderTheCasesLeadUnitUntilItsResultIsSharedWithIt() {
    // given: the burst pipe and its repeats, not yet mended
    var pipe = burstPipeWithTwoRepeats();

    // when
    var open = reports.openTickets(DAY, DAY);

    // then: three open appeals of the water company, none completed
    assertThat(reports.period("day", DAY, DAY).openWithinLimit()).isEqualTo(3);
    assertThat(reports.period("day", DAY, DAY).completed()).isZero();
    assertThat(open.units())
        .singleElement()
        .satisfies(u -> assertThat(u.unit()).isEqualTo("water"));
    assertThat(open.withinLimit()).isEqualTo(3);

    // and when the case is mended and approved, the result is shared with the repeats
    pipe.open()
        .signedFor(NINE.plusHours(1))
        .resolved(NINE.plusHours(5))
        .approved(NINE.plusHours(6));
    pipe.repeats().forEach(repeat -> repeat.resultShared(NINE.plusHours(6)));

    // then
    var period = reports.period("day", DAY, DAY);
    assertThat(period.completed()).isEqualTo(3);
    assertThat(period.openWithinLimit()).isZero();
    assertThat(reports.openTickets(DAY, DAY).units()).isEmpty();
  }

  @Test
  void anAppealJoiningAnOpenTicketChangesNoneOfThatTicketsFigures() {
    // given: the water company got the burst pipe, sent it back once and got it again
    String number = receive();
    transfer(number, "water-supply", "water");
    var pipe = handling(number).openedTo("water", NINE).returned(NINE.plusHours(1));
    transfer(number, "water-supply", "water");
    pipe.openedTo("water", NINE.plusHours(2)).signedFor(NINE.plusHours(3));
    var before = reports.breakdown(DAY, DAY);
    var openBefore = reports.openTickets(DAY, DAY);

    // when: handling tells the open ticket that a repeat appeal joined it
    pipe.appealLinked(NINE.plusHours(4));

    // then: the same units' record, the same open ticket with the same time limit
    assertThat(reports.breakdown(DAY, DAY)).isEqualTo(before);
    assertThat(reports.openTickets(DAY, DAY)).isEqualTo(openBefore);
    assertThat(units(before).get("water").returned()).isEqualTo(1);
  }

  /** The open burst-pipe ticket and the two repeat appeals linked to it. */
  private record BurstPipe(Case open, List<Case> repeats) {}

  private BurstPipe burstPipeWithTwoRepeats() {
    String pipe = receive();
    transfer(pipe, "water-supply", "water");
    var open = handling(pipe).openedTo("water", NINE);
    var repeats = new ArrayList<Case>();
    for (int i = 0; i < 2; i++) {
      // Reporting goes by routing's decision alone, whatever intake suggested.
      String repeat = receive();
      linked(repeat, "water-supply", "water", pipe);
      repeats.add(handling(repeat).linkedTo("water", NINE.plusMinutes(10 + i)));
      open.appealLinked(NINE.plusMinutes(10 + i));
    }
    return new BurstPipe(open, repeats);
  }

  private Case resolvedAndApproved(String number, String unit) {
    return handling(number)
        .openedTo(unit, NINE)
        .signedFor(NINE.plusHours(1))
        .resolved(NINE.plusHours(5))
        .approved(NINE.plusHours(6));
  }

  private static Map<String, Reports.UnitPerformance> units(Reports.Breakdown breakdown) {
    return breakdown.units().stream()
        .collect(Collectors.toMap(Reports.UnitPerformance::unit, Function.identity()));
  }

  private String receive() {
    return receive("hotline-phone", AppealType.COMPLAINT, null);
  }

  /** A ticket received and transferred to the unit. */
  private String transferred(String unit) {
    String number = receive();
    transfer(number, "heating", unit);
    return number;
  }

  private String receiveAt(OffsetDateTime at) {
    String number = "260302-01-%05d".formatted(++sequence);
    received.pipeInput(
        number,
        new TicketReceived(
            UUID.randomUUID(),
            number,
            at,
            "hotline-phone",
            AppealType.COMPLAINT,
            "内容",
            null,
            null,
            null));
    return number;
  }

  private String receive(String channel, AppealType type, String address) {
    String number = "260302-01-%05d".formatted(++sequence);
    received.pipeInput(
        number,
        new TicketReceived(
            UUID.randomUUID(), number, NINE, channel, type, "内容", address, null, null));
    return number;
  }

  private void transfer(String number, String topic, String lead, String... assisting) {
    route(number, RoutingOutcome.TRANSFER, topic, lead, Arrays.asList(assisting));
  }

  private void triage(String number, String topic) {
    route(number, RoutingOutcome.TRIAGE, topic, null, List.of());
  }

  private void direct(String number, String topic) {
    route(number, RoutingOutcome.DIRECT, topic, Catalog.HOTLINE_UNIT, List.of());
  }

  /** Routing's 重复件并案: the appeal joins the open ticket's case and lead unit. */
  private void linked(String number, String topic, String lead, String openTicket) {
    routed.pipeInput(
        number,
        new TicketRouted(
            UUID.randomUUID(),
            number,
            NINE,
            NINE,
            "hotline-phone",
            RoutingOutcome.LINKED,
            topic,
            "630105",
            lead,
            List.of(),
            "repeat",
            "test",
            "test",
            null,
            Priority.NORMAL,
            List.of(),
            openTicket));
  }

  private void route(
      String number, RoutingOutcome outcome, String topic, String lead, List<String> assisting) {
    routed.pipeInput(
        number,
        new TicketRouted(
            UUID.randomUUID(),
            number,
            NINE,
            NINE,
            "hotline-phone",
            outcome,
            topic,
            "630105",
            lead,
            assisting,
            "test",
            "test",
            "test",
            outcome == RoutingOutcome.TRANSFER ? NINE.plusDays(5) : null,
            Priority.NORMAL));
  }

  private Case handling(String number) {
    return new Case(number);
  }

  /** A ticket's lifecycle as handling-service publishes it. */
  private final class Case {

    private final String number;
    private final List<String> returnedBy = new ArrayList<>();
    private String lead;
    private CaseStatus status;
    private int rehandlings;

    Case(String number) {
      this.number = number;
    }

    Case openedTo(String unit, OffsetDateTime at) {
      lead = unit;
      return record(CaseEventKind.OPENED, CaseStatus.ASSIGNED, at);
    }

    /** A repeat appeal joining the open ticket's case: its lead unit, no assignment. */
    Case linkedTo(String unit, OffsetDateTime at) {
      lead = unit;
      return record(CaseEventKind.LINKED, CaseStatus.ASSIGNED, at);
    }

    /** On a repeat appeal: the case it joined was approved. */
    Case resultShared(OffsetDateTime at) {
      return record(CaseEventKind.RESULT_SHARED, CaseStatus.APPROVED, at);
    }

    /** On the open ticket: a repeat appeal joined its case; its status stays. */
    Case appealLinked(OffsetDateTime at) {
      return publish(CaseEventKind.APPEAL_LINKED, at, null, null, null);
    }

    /** A reached callback and nothing else, whatever handling does next. */
    Case verdict(OffsetDateTime at, boolean solved, Satisfaction satisfaction) {
      return publish(CaseEventKind.CALLBACK_RECORDED, at, true, solved, satisfaction);
    }

    Case signedFor(OffsetDateTime at) {
      return record(CaseEventKind.ACCEPTED, CaseStatus.ACCEPTED, at);
    }

    Case returned(OffsetDateTime at) {
      returnedBy.add(lead);
      return record(CaseEventKind.RETURNED, CaseStatus.RETURNED, at);
    }

    Case overdue(OffsetDateTime at) {
      return record(CaseEventKind.OVERDUE, status, at);
    }

    Case resolved(OffsetDateTime at) {
      return record(CaseEventKind.RESOLVED, CaseStatus.RESOLVED, at);
    }

    Case approved(OffsetDateTime at) {
      return record(CaseEventKind.REVIEW_APPROVED, CaseStatus.APPROVED, at);
    }

    Case sentBack(OffsetDateTime at) {
      rehandlings++;
      return record(CaseEventKind.SENT_BACK, CaseStatus.ACCEPTED, at);
    }

    /** As handling records a callback: a reached 不满意 re-opens the ticket, else it closes. */
    Case calledBack(OffsetDateTime at, boolean reached, Boolean solved, Satisfaction satisfaction) {
      publish(CaseEventKind.CALLBACK_RECORDED, at, reached, solved, satisfaction);
      if (!reached) {
        return this;
      }
      if (satisfaction == Satisfaction.NOT_SATISFIED) {
        rehandlings++;
        return record(CaseEventKind.REOPENED, CaseStatus.ACCEPTED, at);
      }
      return record(CaseEventKind.CLOSED, CaseStatus.CLOSED, at);
    }

    private Case record(CaseEventKind kind, CaseStatus after, OffsetDateTime at) {
      status = after;
      return publish(kind, at, null, null, null);
    }

    private Case publish(
        CaseEventKind kind,
        OffsetDateTime at,
        Boolean reached,
        Boolean solved,
        Satisfaction satisfaction) {
      lifecycle.pipeInput(
          number,
          new CaseEvent(
              UUID.randomUUID(),
              number,
              kind,
              null,
              status,
              at,
              lead,
              "经办人",
              lead,
              at.plusDays(5),
              null,
              reached,
              solved,
              satisfaction,
              List.copyOf(returnedBy),
              returnedBy.size(),
              rehandlings));
      return this;
    }
  }
}
