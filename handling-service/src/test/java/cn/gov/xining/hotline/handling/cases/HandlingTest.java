package cn.gov.xining.hotline.handling.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.HotlineActionKind;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.ProgressKind;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.ReturnReason;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.Satisfaction;
import cn.gov.xining.hotline.contract.TicketRouted;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

class HandlingTest {

  private static final String TICKET = "260126-01-0007";
  private static final OffsetDateTime ROUTED = OffsetDateTime.parse("2026-01-26T09:00:00+08:00");
  private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-01-31T00:00:00+08:00");

  /** The calendar the services ship, not a copy of it. */
  private static final WorkingCalendar CALENDAR =
      WorkingCalendar.load(new ClassPathResource("calendar/cn-working-days.yaml"));

  private static final HandlingPolicy POLICY =
      new HandlingPolicy(3, LocalTime.of(17, 0), 0.8, true, Duration.ofSeconds(30));

  /** The defaults of application.yml. */
  static final CaseLimits LIMITS =
      new CaseLimits(
          2000, 900, 100, 40, 50, 300, DataSize.ofKilobytes(512), DataSize.ofKilobytes(256));

  private final Handling handling = new Handling(POLICY, CALENDAR, LIMITS);

  @Test
  void aTicketGoesFromTransferThroughSignedForResolvedAndReviewedToClosedAtTheCallback() {
    var file = open("hrss", List.of("gov-630105"));
    assertThat(file.status()).isEqualTo(CaseStatus.ASSIGNED);

    file = applied(file, report("hrss", ProgressKind.ACCEPTED, "09:30"), CaseEventKind.ACCEPTED);
    file =
        applied(
            file,
            report("gov-630105", ProgressKind.ACCEPTED, "09:40"),
            CaseEventKind.PART_ACCEPTED);
    file =
        applied(
            file,
            report("gov-630105", ProgressKind.RESOLVED, "10:00"),
            CaseEventKind.PART_RESOLVED);
    file = applied(file, report("hrss", ProgressKind.RESOLVED, "11:00"), CaseEventKind.RESOLVED);
    assertThat(file.status()).isEqualTo(CaseStatus.RESOLVED);
    file = applied(file, action(HotlineActionKind.REVIEW_APPROVED), CaseEventKind.REVIEW_APPROVED);
    var outcome = handling.act(file, callback(true, Satisfaction.BASICALLY_SATISFIED));

    assertThat(outcome.events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.CALLBACK_RECORDED, CaseEventKind.CLOSED);
    assertThat(outcome.file().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(outcome.file().history())
        .extracting(CaseEvent::kind)
        .containsExactly(
            CaseEventKind.OPENED,
            CaseEventKind.ACCEPTED,
            CaseEventKind.PART_ACCEPTED,
            CaseEventKind.PART_RESOLVED,
            CaseEventKind.RESOLVED,
            CaseEventKind.REVIEW_APPROVED,
            CaseEventKind.CALLBACK_RECORDED,
            CaseEventKind.CLOSED);
    assertThat(outcome.events().get(0).satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
  }

  @Test
  void resolvingWhatWasNeverAcceptedIsRefusedAndChangesNothing() {
    var file = open("hrss", List.of());

    var outcome = arrives(file, report("hrss", ProgressKind.RESOLVED, "10:00"));

    assertThat(outcome.file()).isEqualTo(file);
    assertThat(outcome.events()).singleElement().satisfies(refusal("never accepted"));
  }

  @Test
  void aUnitActingOnATicketNotAssignedToItIsRefused() {
    var file = open("hrss", List.of("gov-630105"));

    var outcome = arrives(file, report("water", ProgressKind.ACCEPTED, "10:00"));

    assertThat(outcome.file()).isEqualTo(file);
    assertThat(outcome.events()).singleElement().satisfies(refusal("not assigned to this unit"));
  }

  @Test
  void aCallbackBeforeTheResultWasApprovedIsRefused() {
    var file = resolved();

    var outcome = handling.act(file, callback(true, Satisfaction.SATISFIED));

    assertThat(outcome.file()).isEqualTo(file);
    assertThat(outcome.events()).singleElement().satisfies(refusal("after the result is approved"));
  }

  @Test
  void aSecondResolvedIsRefused() {
    var file = resolved();

    var outcome = arrives(file, report("hrss", ProgressKind.RESOLVED, "15:00"));

    assertThat(outcome.file()).isEqualTo(file);
    assertThat(outcome.events()).singleElement().satisfies(refusal("already resolved"));
  }

  @Test
  void theSameReportTwiceChangesNothingTheSecondTime() {
    var file = open("hrss", List.of());
    var accepted = report("hrss", ProgressKind.ACCEPTED, "09:30");
    file = arrives(file, accepted).file();

    var again = arrives(file, accepted);

    assertThat(again.file()).isEqualTo(file);
    assertThat(again.events()).isEmpty();
  }

  @Test
  void aReturnWaitsForRoutingAndTheNextUnitGetsAFreshTimeLimit() {
    var file = open("hrss", List.of());
    var returned =
        arrives(
            file,
            new ProgressReport(
                UUID.randomUUID(),
                TICKET,
                "hrss",
                ProgressKind.RETURNED,
                at("10:00"),
                "李",
                ReturnReason.NOT_OUR_DUTY,
                "属住建部门职责",
                null));
    assertThat(returned.file().status()).isEqualTo(CaseStatus.RETURNED);
    assertThat(returned.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(CaseEventKind.RETURNED);
              assertThat(event.excludedUnits()).containsExactly("hrss");
            });

    var rerouted =
        handling.routed(
            returned.file(),
            transfer(
                "housing",
                OffsetDateTime.parse("2026-01-27T09:00:00+08:00"),
                OffsetDateTime.parse("2026-02-03T00:00:00+08:00")));

    assertThat(rerouted.file().status()).isEqualTo(CaseStatus.ASSIGNED);
    assertThat(rerouted.file().primaryUnit()).isEqualTo("housing");
    assertThat(rerouted.file().dueAt())
        .isEqualTo(OffsetDateTime.parse("2026-02-03T00:00:00+08:00"));
    assertThat(rerouted.file().returnedBy()).containsExactly("hrss");
  }

  @Test
  void aTicketReturnedThreeTimesGoesToASupervisorInsteadOfRoundAgain() {
    var file = open("hrss", List.of());
    String[] units = {"hrss", "housing", "market"};
    for (int i = 0; i < units.length; i++) {
      if (i > 0) {
        file =
            handling.routed(file, transfer(units[i], ROUTED.plusHours(i), DUE.plusDays(i))).file();
      }
      file =
          arrives(
                  file,
                  new ProgressReport(
                      UUID.randomUUID(),
                      TICKET,
                      units[i],
                      ProgressKind.RETURNED,
                      at("10:00").plusHours(i),
                      "经办人",
                      ReturnReason.NOT_OUR_DUTY,
                      null,
                      null))
              .file();
    }

    assertThat(file.status()).isEqualTo(CaseStatus.SUPERVISOR);
    assertThat(file.history())
        .extracting(CaseEvent::kind)
        .endsWith(CaseEventKind.SENT_TO_SUPERVISOR);
    assertThat(file.returnedBy()).containsExactly("hrss", "housing", "market");
  }

  @Test
  void anExtensionAskedBeforeTheCutOffAndGrantedMovesTheTimeLimit() {
    var file = accepted();
    var later = DUE.plusDays(5);
    file = applied(file, extension("16:59", later), CaseEventKind.EXTENSION_REQUESTED);

    file =
        applied(file, action(HotlineActionKind.EXTENSION_GRANTED), CaseEventKind.EXTENSION_GRANTED);

    assertThat(file.dueAt()).isEqualTo(later);
    assertThat(file.pendingExtension()).isNull();
  }

  @Test
  void anExtensionAskedAfterFivePmIsRefused() {
    var file = accepted();

    var outcome = arrives(file, extension("17:01", DUE.plusDays(5)));

    assertThat(outcome.file()).isEqualTo(file);
    assertThat(outcome.events()).singleElement().satisfies(refusal("17:00"));
  }

  @Test
  void anExtensionClaimingFourPmThatReachesTheHotlineAfterFivePmIsRefusedAtItsArrival() {
    var file = accepted();

    var outcome = handling.report(file, extension("16:00", DUE.plusDays(5)), at("17:30"));

    assertThat(outcome.file()).isEqualTo(file);
    assertThat(outcome.events())
        .singleElement()
        .satisfies(refusal("17:00"))
        .satisfies(event -> assertThat(event.at()).isEqualTo(at("17:30")));
  }

  @Test
  void aProgressNoteIsRecordedInTheHistoryWithoutChangingTheStatus() {
    var file = accepted();

    var outcome = arrives(file, note("hrss", "已约谈企业负责人"));

    assertThat(outcome.file().status()).isEqualTo(CaseStatus.ACCEPTED);
    assertThat(outcome.file().history())
        .last()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(CaseEventKind.NOTE);
              assertThat(event.detail()).isEqualTo("已约谈企业负责人");
              assertThat(event.unit()).isEqualTo("hrss");
            });
  }

  @Test
  void aNoteOnAClosedTicketIsRefused() {
    var approved = handling.act(resolved(), action(HotlineActionKind.REVIEW_APPROVED)).file();
    var closed = handling.act(approved, callback(true, Satisfaction.SATISFIED)).file();

    var outcome = arrives(closed, note("hrss", "补充说明"));

    assertThat(outcome.file()).isEqualTo(closed);
    assertThat(outcome.events()).singleElement().satisfies(refusal("closed"));
  }

  @Test
  void anExtensionRefusedByTheHotlineKeepsTheTimeLimitAndAllowsANewRequest() {
    var file =
        applied(accepted(), extension("10:00", DUE.plusDays(5)), CaseEventKind.EXTENSION_REQUESTED);

    var outcome =
        handling.act(
            file,
            new HotlineAction(
                UUID.randomUUID(),
                TICKET,
                HotlineActionKind.EXTENSION_REFUSED,
                at("11:00"),
                "值班长",
                "企业账户解冻无需延期",
                null,
                null,
                null,
                null));

    assertThat(outcome.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(CaseEventKind.EXTENSION_REFUSED);
              assertThat(event.detail()).contains("企业账户解冻无需延期");
              assertThat(event.dueAt()).isEqualTo(DUE);
            });
    assertThat(outcome.file().dueAt()).isEqualTo(DUE);
    assertThat(outcome.file().pendingExtension()).isNull();
    applied(outcome.file(), extension("12:00", DUE.plusDays(3)), CaseEventKind.EXTENSION_REQUESTED);
  }

  @Test
  void aCallbackThatDidNotReachTheCitizenLeavesTheTicketApprovedForTheNextCall() {
    var approved = handling.act(resolved(), action(HotlineActionKind.REVIEW_APPROVED)).file();

    var missed = handling.act(approved, callback(false, null));

    assertThat(missed.file().status()).isEqualTo(CaseStatus.APPROVED);
    assertThat(missed.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(CaseEventKind.CALLBACK_RECORDED);
              assertThat(event.reached()).isFalse();
              assertThat(event.detail()).contains("未接通");
            });
    var reached = handling.act(missed.file(), callback(true, Satisfaction.SATISFIED));
    assertThat(reached.file().status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void anUnsatisfiedCitizenLeavesTheTicketClosedWhenReopeningIsTurnedOff() {
    var noReopening =
        new Handling(
            new HandlingPolicy(3, LocalTime.of(17, 0), 0.8, false, Duration.ofSeconds(30)),
            CALENDAR,
            LIMITS);
    var approved = handling.act(resolved(), action(HotlineActionKind.REVIEW_APPROVED)).file();

    var outcome = noReopening.act(approved, callback(true, Satisfaction.NOT_SATISFIED));

    assertThat(outcome.file().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(outcome.file().rehandlings()).isZero();
    assertThat(outcome.events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.CALLBACK_RECORDED, CaseEventKind.CLOSED);
    assertThat(outcome.events().get(0).satisfaction()).isEqualTo(Satisfaction.NOT_SATISFIED);
  }

  @Test
  void aReviewThatSendsTheResultBackReopensItToTheSameUnit() {
    var file = resolved();

    var outcome =
        handling.act(
            file,
            new HotlineAction(
                UUID.randomUUID(),
                TICKET,
                HotlineActionKind.REVIEW_SENT_BACK,
                at("16:00"),
                "审核员",
                "答复未针对诉求",
                null,
                null,
                null,
                null));

    assertThat(outcome.file().status()).isEqualTo(CaseStatus.ACCEPTED);
    assertThat(outcome.file().primaryUnit()).isEqualTo("hrss");
    assertThat(outcome.file().rehandlings()).isEqualTo(1);
  }

  @Test
  void anUnsatisfiedCitizenReopensTheTicketToTheSameUnit() {
    var file = handling.act(resolved(), action(HotlineActionKind.REVIEW_APPROVED)).file();

    var outcome = handling.act(file, callback(true, Satisfaction.NOT_SATISFIED));

    assertThat(outcome.file().status()).isEqualTo(CaseStatus.ACCEPTED);
    assertThat(outcome.events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.CALLBACK_RECORDED, CaseEventKind.REOPENED);
  }

  @Test
  void theWatchWarnsWhenMostOfTheTimeLimitIsUsedAndThenReportsOverdueOnce() {
    var file = accepted();
    // Monday 26 Jan 09:00 to 31 Jan 00:00 is 111 working hours, no rest day among them; 80% is
    // used at 30 Jan 01:48.
    assertThat(handling.watch(file, OffsetDateTime.parse("2026-01-30T01:30:00+08:00")).events())
        .isEmpty();

    var warned = handling.watch(file, OffsetDateTime.parse("2026-01-30T02:00:00+08:00"));
    assertThat(warned.events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.DEADLINE_WARNING);
    var overdue = handling.watch(warned.file(), OffsetDateTime.parse("2026-01-31T00:00:01+08:00"));
    assertThat(overdue.events()).extracting(CaseEvent::kind).containsExactly(CaseEventKind.OVERDUE);
    assertThat(
            handling
                .watch(overdue.file(), OffsetDateTime.parse("2026-02-01T00:00:00+08:00"))
                .events())
        .isEmpty();
  }

  @Test
  void aTicketTransferredBeforeSpringFestivalIsOverdueOnlyAfterTheHolidayAndItsMakeUpDays() {
    // As routing counts it (DeadlinesTest): received Thursday 12 February 2026, five working days
    // are 13 Feb, Saturday 14 Feb (a make-up working day), then 24, 25 and 26 Feb after the
    // holiday of 15–23 Feb: due at 24:00 on the 26th.
    var transferredAt = OffsetDateTime.parse("2026-02-12T10:05:00+08:00");
    var file =
        handling
            .routed(
                null,
                transfer("hrss", transferredAt, OffsetDateTime.parse("2026-02-27T00:00:00+08:00")))
            .file();

    assertThat(handling.watch(file, OffsetDateTime.parse("2026-02-23T23:59:00+08:00")).events())
        .as("the last day of the holiday: neither warned nor overdue")
        .isEmpty();
    var lastDay = handling.watch(file, OffsetDateTime.parse("2026-02-26T12:00:00+08:00"));
    assertThat(lastDay.events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.DEADLINE_WARNING);
    assertThat(
            handling
                .watch(lastDay.file(), OffsetDateTime.parse("2026-02-26T23:59:59+08:00"))
                .events())
        .isEmpty();
    assertThat(
            handling
                .watch(lastDay.file(), OffsetDateTime.parse("2026-02-27T00:00:01+08:00"))
                .events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.OVERDUE);
  }

  @Test
  void aTicketTransferredTheFridayBeforeSpringFestivalIsWarnedAtEightyPercentOfItsWorkingTime() {
    // given a transfer on Friday 13 Feb 2026 at 10:00, due at the end of 26 Feb: 110 working hours
    // (14 h of 13 Feb, Saturday 14 Feb, none of the holiday of 15–23 Feb, 24 to 26 Feb)
    var file =
        handling
            .routed(
                null,
                transfer(
                    "hrss",
                    OffsetDateTime.parse("2026-02-13T10:00:00+08:00"),
                    OffsetDateTime.parse("2026-02-27T00:00:00+08:00")))
            .file();

    // when the watch looks at 80 % of the clock time (24 Feb 06:48) and just before 80 % of the
    // working time, 88 h: 38 h before the holiday, 24 and 25 Feb, 2 h of 26 Feb
    var atClockShare = handling.watch(file, OffsetDateTime.parse("2026-02-24T06:48:00+08:00"));
    var justBefore = handling.watch(file, OffsetDateTime.parse("2026-02-26T01:59:59+08:00"));
    var atWorkingShare = handling.watch(file, OffsetDateTime.parse("2026-02-26T02:00:00+08:00"));

    // then
    assertThat(atClockShare.events()).isEmpty();
    assertThat(justBefore.events()).isEmpty();
    assertThat(atWorkingShare.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(CaseEventKind.DEADLINE_WARNING);
              assertThat(event.detail()).contains("已用80%");
            });
  }

  @Test
  void anHoursLimitThatRunsOutOnARestDayIsWarnedOnTheClock() {
    // given a 24-hour limit from Saturday 7 March 2026 10:00: no working time in it at all
    var file =
        handling
            .routed(
                null,
                transfer(
                    "hrss",
                    OffsetDateTime.parse("2026-03-07T10:00:00+08:00"),
                    OffsetDateTime.parse("2026-03-08T10:00:00+08:00")))
            .file();

    // when / then warned at 80 % of the 24 hours, Sunday 05:12
    assertThat(handling.watch(file, OffsetDateTime.parse("2026-03-08T05:11:59+08:00")).events())
        .isEmpty();
    assertThat(handling.watch(file, OffsetDateTime.parse("2026-03-08T05:12:00+08:00")).events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.DEADLINE_WARNING);
  }

  @Test
  void aTimeLimitInAYearTheCalendarDoesNotCoverIsWarnedOnTheClockInsteadOfNotAtAll() {
    // given a transfer in 2099, which the calendar has no data for: 120 hours to the limit
    var file =
        handling
            .routed(
                null,
                transfer(
                    "hrss",
                    OffsetDateTime.parse("2099-03-01T09:00:00+08:00"),
                    OffsetDateTime.parse("2099-03-06T09:00:00+08:00")))
            .file();

    // when / then warned at 80 % of the clock time, 96 hours in, weekend or not
    assertThat(handling.watch(file, OffsetDateTime.parse("2099-03-05T08:59:00+08:00")).events())
        .isEmpty();
    assertThat(handling.watch(file, OffsetDateTime.parse("2099-03-05T09:00:00+08:00")).events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.DEADLINE_WARNING);
  }

  @Test
  void aWarningShareAboveOneIsRefusedAtStartUp() {
    assertThatThrownBy(
            () -> new HandlingPolicy(3, LocalTime.of(17, 0), 80, true, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warning-share");
  }

  @Test
  void aNoteOrAResolutionOverItsLengthIsNamedFieldByField() {
    // given a note of 2,001 characters and a resolution of 901, by someone with a 101-character
    // name
    var note =
        new ProgressReport(
            UUID.randomUUID(),
            TICKET,
            "hrss",
            ProgressKind.NOTE,
            at("10:00"),
            "张".repeat(101),
            null,
            "备".repeat(2001),
            null);
    var resolution =
        new ProgressReport(
            UUID.randomUUID(),
            TICKET,
            "hrss",
            ProgressKind.RESOLVED,
            at("10:00"),
            "张",
            null,
            "结".repeat(901),
            null);

    // when / then each field over its limit is named with the limit and its length
    assertThat(LIMITS.breaches(note)).containsOnlyKeys("by", "text");
    assertThat(LIMITS.breaches(note).get("text")).contains("2000", "2001");
    assertThat(LIMITS.breaches(resolution)).containsOnlyKeys("text");
    assertThat(LIMITS.breaches(resolution).get("text")).contains("900", "901");
    // and the same lengths at the limit are fine: a note may be longer than a resolution
    assertThat(LIMITS.breaches(note("hrss", "备".repeat(2000)))).isEmpty();
  }

  @Test
  void everyDetailIntakeKeepsFitsAThousandCharactersWithEveryFieldAtItsLimit() {
    // given a lead unit and reviewers that write as much as the limits allow, everywhere
    String name = "名".repeat(LIMITS.nameLength());
    String longest = "字".repeat(LIMITS.statementLength());
    var details = new java.util.ArrayList<CaseEvent>();
    var file = open("hrss", List.of());
    for (int returns = 1; returns <= POLICY.returnsBeforeSupervisor(); returns++) {
      var outcome =
          arrives(
              file,
              new ProgressReport(
                  UUID.randomUUID(),
                  TICKET,
                  "hrss",
                  ProgressKind.RETURNED,
                  at("09:10"),
                  name,
                  ReturnReason.WRONG_DISTRICT,
                  longest,
                  null));
      details.addAll(outcome.events());
      file = handling.routed(outcome.file(), transfer("hrss", ROUTED, DUE)).file();
    }
    var accepted =
        arrives(
            file,
            new ProgressReport(
                UUID.randomUUID(),
                TICKET,
                "hrss",
                ProgressKind.ACCEPTED,
                at("09:30"),
                name,
                null,
                null,
                null));
    var requested =
        arrives(
            accepted.file(),
            new ProgressReport(
                UUID.randomUUID(),
                TICKET,
                "hrss",
                ProgressKind.EXTENSION_REQUESTED,
                at("09:40"),
                name,
                null,
                longest,
                OffsetDateTime.parse("+999999999-12-31T23:59:59.999999999+08:00")));
    var resolved =
        arrives(
            requested.file(),
            new ProgressReport(
                UUID.randomUUID(),
                TICKET,
                "hrss",
                ProgressKind.RESOLVED,
                at("10:00"),
                name,
                null,
                longest,
                null));
    var sentBack =
        handling.act(
            resolved.file(),
            new HotlineAction(
                UUID.randomUUID(),
                TICKET,
                HotlineActionKind.REVIEW_SENT_BACK,
                at("11:00"),
                name,
                longest,
                null,
                null,
                null,
                null));
    List.of(accepted, requested, resolved, sentBack).forEach(o -> details.addAll(o.events()));

    // then no detail is longer than a status detail is kept whole, whatever the kind
    assertThat(details)
        .extracting(CaseEvent::kind)
        .contains(
            CaseEventKind.RETURNED,
            CaseEventKind.SENT_TO_SUPERVISOR,
            CaseEventKind.ACCEPTED,
            CaseEventKind.EXTENSION_REQUESTED,
            CaseEventKind.RESOLVED,
            CaseEventKind.SENT_BACK);
    assertThat(details)
        .allSatisfy(
            event ->
                assertThat(event.detail().length())
                    .as(event.kind().name())
                    .isLessThanOrEqualTo(CaseLimits.DETAIL_LENGTH));
  }

  @Test
  void aStatementLimitThatWouldOverflowALifecycleDetailIsRefusedAtStartUp() {
    assertThatThrownBy(
            () ->
                new CaseLimits(
                    2000,
                    1000,
                    100,
                    40,
                    50,
                    300,
                    DataSize.ofKilobytes(512),
                    DataSize.ofKilobytes(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("statement-length");
    assertThatThrownBy(
            () ->
                new CaseLimits(
                    2000,
                    900,
                    100,
                    40,
                    50,
                    300,
                    DataSize.ofMegabytes(1),
                    DataSize.ofKilobytes(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case-file-size");
  }

  @Test
  void aNoteBeyondTheCasesLastIsRefusedNamingTheLimitAndTheCaseFileStaysAsItWas() {
    // given a case that holds as many notes as it may
    var file = accepted();
    for (int i = 0; i < LIMITS.notesPerCase(); i++) {
      file = applied(file, note("hrss", "第%d次备注".formatted(i)), CaseEventKind.NOTE);
    }

    // when one more note arrives
    var outcome = arrives(file, note("hrss", "又一条"));

    // then it is refused with the limit, and the case can still be resolved
    assertThat(outcome.file()).isEqualTo(file);
    assertThat(outcome.limit()).isNotNull();
    assertThat(outcome.limit().field()).isEqualTo("kind");
    assertThat(outcome.events()).singleElement().satisfies(refusal("at most 50 notes"));
    applied(file, report("hrss", ProgressKind.RESOLVED, "15:00"), CaseEventKind.RESOLVED);
  }

  @Test
  void aCaseFileNeverGrowsPastItsSizeWhateverUnitsSend() {
    // given a case whose file may grow to 16 KB, and a unit sending the longest notes it may
    var small =
        new Handling(
            POLICY,
            CALENDAR,
            new CaseLimits(
                2000, 900, 100, 40, 50, 300, DataSize.ofKilobytes(16), DataSize.ofKilobytes(256)));
    var file = small.routed(null, transfer("hrss", ROUTED, DUE)).file();
    Handling.Outcome outcome;
    int notes = 0;
    do {
      outcome = small.report(file, note("hrss", "备".repeat(2000)), at("12:00"));
      if (outcome.limit() == null) {
        file = outcome.file();
        notes++;
      }
    } while (outcome.limit() == null && notes < 50);

    // then the note that would take it past 16 KB is refused, naming the text, and none is lost
    assertThat(notes).isBetween(1, 49);
    assertThat(CaseLimits.sizeOf(file)).isLessThanOrEqualTo(16 * 1024);
    assertThat(outcome.limit().field()).isEqualTo("text");
    assertThat(outcome.events()).singleElement().satisfies(refusal("bytes"));
    assertThat(outcome.file()).isEqualTo(file);
  }

  @Test
  void aResolvedTicketIsNotReportedOverdue() {
    assertThat(handling.watch(resolved(), DUE.plusDays(3)).events()).isEmpty();
  }

  private static final String APPEAL = "260126-01-0042";

  @Test
  void aRepeatAppealOpensAsPartOfTheCaseItRepeatsAndThatCaseHearsOfItWithWhatTheCitizenSaid() {
    // given a case at hrss, and a citizen calling again about it, which routing linked to it
    var joined = open("hrss", List.of());
    String said = "楼下水管爆裂，" + "水".repeat(120);

    // when the link decision arrives, then the appeal reaches the case it joins
    var appealed = handling.routed(null, linked(APPEAL, TICKET), said);
    var appeal = appealed.file();
    var told = handling.linkArrived(joined, appealed.links().get(0));

    // then the appeal is opened under the case's unit and time limit, naming the case
    assertThat(appeal.status()).isEqualTo(CaseStatus.ASSIGNED);
    assertThat(appeal.primaryUnit()).isEqualTo("hrss");
    assertThat(appeal.dueAt()).isEqualTo(DUE);
    assertThat(appeal.linkedTo()).isEqualTo(TICKET);
    assertThat(appealed.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(CaseEventKind.LINKED);
              assertThat(event.detail()).startsWith("重复件，并入工单" + TICKET + "办理");
            });
    assertThat(appealed.links())
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.kind()).isEqualTo(CaseLink.Kind.APPEAL);
              assertThat(link.ticketNumber()).isEqualTo(TICKET);
              assertThat(link.from()).isEqualTo(APPEAL);
            });
    // and the case lists the appeal and says so, with the beginning of what was said, its status
    // and history as they were
    assertThat(told.file().linkedAppeals()).containsExactly(APPEAL);
    assertThat(told.file().status()).isEqualTo(joined.status());
    assertThat(told.file().history()).isEqualTo(joined.history());
    assertThat(told.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(CaseEventKind.APPEAL_LINKED);
              assertThat(event.ticketNumber()).isEqualTo(TICKET);
              assertThat(event.unit()).isEqualTo("hrss");
              assertThat(event.detail())
                  .contains(APPEAL, "楼下水管爆裂", "水".repeat(90))
                  .doesNotContain("水".repeat(100));
            });
    assertThat(told.links()).isEmpty();
    // and the same appeal again changes nothing
    assertThat(handling.linkArrived(told.file(), appealed.links().get(0)).events()).isEmpty();
    assertThat(handling.routed(appeal, linked(APPEAL, TICKET), said).events()).isEmpty();
  }

  @Test
  void theApprovedResultGoesToEveryAppealWhichIsThenClosedByItsOwnCallback() {
    // given a resolved case that two repeat appeals joined
    var second = handling.routed(null, linked(APPEAL, TICKET), null);
    var third = handling.routed(null, linked("260126-01-0043", TICKET), null);
    var joined = handling.linkArrived(resolved(), second.links().get(0)).file();
    joined = handling.linkArrived(joined, third.links().get(0)).file();

    // when the hotline approves the result
    var approved = handling.act(joined, action(HotlineActionKind.REVIEW_APPROVED));

    // then each appeal is told the result, and shows it, approved, waiting for its callback
    assertThat(approved.events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.REVIEW_APPROVED);
    assertThat(approved.links())
        .extracting(CaseLink::ticketNumber)
        .containsExactly(APPEAL, "260126-01-0043");
    assertThat(approved.links())
        .allSatisfy(
            link -> {
              assertThat(link.kind()).isEqualTo(CaseLink.Kind.RESULT);
              assertThat(link.detail()).isEqualTo("已督促企业结清工资");
            });
    var shared = handling.linkArrived(second.file(), approved.links().get(0));
    assertThat(shared.file().status()).isEqualTo(CaseStatus.APPROVED);
    assertThat(shared.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(CaseEventKind.RESULT_SHARED);
              assertThat(event.detail()).isEqualTo("工单" + TICKET + "已办结：已督促企业结清工资");
            });
    // and the appeal's callback closes it, as any case's does
    var called = handling.act(shared.file(), callback(APPEAL, true, Satisfaction.SATISFIED));
    assertThat(called.events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.CALLBACK_RECORDED, CaseEventKind.CLOSED);
    assertThat(called.file().status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void anAppealJoiningACaseAlreadyApprovedIsGivenItsResultAtOnce() {
    var approved =
        applied(
            resolved(), action(HotlineActionKind.REVIEW_APPROVED), CaseEventKind.REVIEW_APPROVED);
    var appeal = handling.routed(null, linked(APPEAL, TICKET), null);

    var told = handling.linkArrived(approved, appeal.links().get(0));

    assertThat(told.events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.APPEAL_LINKED);
    assertThat(told.links())
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.kind()).isEqualTo(CaseLink.Kind.RESULT);
              assertThat(link.ticketNumber()).isEqualTo(APPEAL);
            });
    assertThat(handling.linkArrived(appeal.file(), told.links().get(0)).file().status())
        .isEqualTo(CaseStatus.APPROVED);
  }

  @Test
  void onARepeatAppealReportsAndDecisionsOtherThanTheCallbackAreRefusedNamingTheCaseItJoined() {
    var appeal = handling.routed(null, linked(APPEAL, TICKET), null).file();

    var report =
        handling.report(appeal, report(APPEAL, "hrss", ProgressKind.ACCEPTED), at("10:00"));
    var review = handling.act(appeal, action(APPEAL, HotlineActionKind.REVIEW_APPROVED));
    var early = handling.act(appeal, callback(APPEAL, true, Satisfaction.SATISFIED));

    assertThat(report.file()).isEqualTo(appeal);
    assertThat(report.events())
        .singleElement()
        .satisfies(
            refusal(
                "重复件已并入工单%s，请在%s上报告 (a repeat appeal: report on %s)"
                    .formatted(TICKET, TICKET, TICKET)));
    assertThat(review.file()).isEqualTo(appeal);
    assertThat(review.events())
        .singleElement()
        .satisfies(refusal("a repeat appeal: decide on " + TICKET));
    assertThat(early.events()).singleElement().satisfies(refusal("after the result is approved"));
    assertThat(handling.watch(appeal, DUE.plusDays(1)).events())
        .as("its time limit is watched on the case it joined")
        .isEmpty();
  }

  @Test
  void anAppealWhoseCaseIsNotInHandlingIsOpenedAsACaseOfItsOwnForItsUnit() {
    // given an appeal linked to a ticket that handling has no case of (answered directly)
    var appealed = handling.routed(null, linked(APPEAL, TICKET), "小区停水三天");

    // when the appeal reaches no case, and the answer comes back
    var unknown = handling.linkArrived(null, appealed.links().get(0));
    assertThat(unknown.events()).isEmpty();
    var answer = unknown.links().get(0);
    var alone = handling.linkArrived(appealed.file(), answer);

    // then the appeal is an ordinary case at its unit, saying why, and the same answer again
    // changes nothing
    assertThat(answer.kind()).isEqualTo(CaseLink.Kind.NOT_IN_HANDLING);
    assertThat(answer.ticketNumber()).isEqualTo(APPEAL);
    assertThat(alone.file().linkedTo()).isNull();
    assertThat(alone.file().status()).isEqualTo(CaseStatus.ASSIGNED);
    assertThat(alone.file().primaryUnit()).isEqualTo("hrss");
    assertThat(alone.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(CaseEventKind.OPENED);
              assertThat(event.detail()).contains("未能并入工单" + TICKET, "hrss", "小区停水三天");
            });
    assertThat(handling.linkArrived(alone.file(), answer).events()).isEmpty();
    assertThat(
            handling
                .report(alone.file(), report(APPEAL, "hrss", ProgressKind.ACCEPTED), at("10:00"))
                .events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.ACCEPTED);
  }

  @Test
  void anAppealWhoseCitizenIsNotSatisfiedIsHandledOnItsOwnByTheSameUnit() {
    var appeal = handling.routed(null, linked(APPEAL, TICKET), null).file();
    var approved =
        handling.act(
            handling
                .linkArrived(
                    resolved(), handling.routed(null, linked(APPEAL, TICKET), null).links().get(0))
                .file(),
            action(HotlineActionKind.REVIEW_APPROVED));
    appeal = handling.linkArrived(appeal, approved.links().get(0)).file();

    var called = handling.act(appeal, callback(APPEAL, true, Satisfaction.NOT_SATISFIED));

    assertThat(called.events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.CALLBACK_RECORDED, CaseEventKind.REOPENED);
    assertThat(called.file().linkedTo()).isNull();
    assertThat(called.file().status()).isEqualTo(CaseStatus.ACCEPTED);
    assertThat(
            handling
                .report(called.file(), report(APPEAL, "hrss", ProgressKind.RESOLVED), at("18:00"))
                .events())
        .extracting(CaseEvent::kind)
        .containsExactly(CaseEventKind.RESOLVED);
  }

  @Test
  void appealsLinkedToEachOtherInALoopEndAsCasesOfTheirOwn() {
    // given two appeals each routed as a repeat of the other
    var first = handling.routed(null, linked(APPEAL, TICKET), null);
    var second = handling.routed(null, linked(TICKET, APPEAL), null);
    var files = new java.util.HashMap<String, CaseFile>();
    files.put(APPEAL, first.file());
    files.put(TICKET, second.file());

    // when their links go round until nothing more is sent
    var pending = new java.util.ArrayDeque<CaseLink>(first.links());
    pending.addAll(second.links());
    int delivered = 0;
    while (!pending.isEmpty() && delivered < 50) {
      var link = pending.poll();
      var outcome = handling.linkArrived(files.get(link.ticketNumber()), link);
      files.put(link.ticketNumber(), outcome.file());
      pending.addAll(outcome.links());
      delivered++;
    }

    // then they stop, and neither is left waiting for a case that never handles it
    assertThat(pending).isEmpty();
    assertThat(files.values()).allSatisfy(file -> assertThat(file.linked()).isFalse());
  }

  /** A report that reaches the hotline at the time it says. */
  private Handling.Outcome arrives(CaseFile file, ProgressReport report) {
    return handling.report(file, report, report.at());
  }

  private CaseFile open(String primary, List<String> assisting) {
    return handling.routed(null, transfer(primary, assisting, ROUTED, DUE)).file();
  }

  private CaseFile accepted() {
    return arrives(open("hrss", List.of()), report("hrss", ProgressKind.ACCEPTED, "09:30")).file();
  }

  private CaseFile resolved() {
    return arrives(accepted(), report("hrss", ProgressKind.RESOLVED, "14:00")).file();
  }

  private CaseFile applied(CaseFile file, ProgressReport report, CaseEventKind expected) {
    var outcome = arrives(file, report);
    assertThat(outcome.events()).extracting(CaseEvent::kind).containsExactly(expected);
    return outcome.file();
  }

  private CaseFile applied(CaseFile file, HotlineAction action, CaseEventKind expected) {
    var outcome = handling.act(file, action);
    assertThat(outcome.events()).extracting(CaseEvent::kind).containsExactly(expected);
    return outcome.file();
  }

  private static java.util.function.Consumer<CaseEvent> refusal(String why) {
    return event -> {
      assertThat(event.kind()).isEqualTo(CaseEventKind.REFUSED);
      assertThat(event.detail()).contains(why);
    };
  }

  private static TicketRouted transfer(
      String primary, OffsetDateTime routedAt, OffsetDateTime dueAt) {
    return transfer(primary, List.of(), routedAt, dueAt);
  }

  private static TicketRouted transfer(
      String primary, List<String> assisting, OffsetDateTime routedAt, OffsetDateTime dueAt) {
    return new TicketRouted(
        UUID.randomUUID(),
        TICKET,
        ROUTED.minusMinutes(5),
        routedAt,
        "hotline-phone",
        RoutingOutcome.TRANSFER,
        "wage-arrears",
        "630105",
        primary,
        assisting,
        "operator-topic",
        "test",
        "test",
        dueAt,
        Priority.NORMAL);
  }

  private static ProgressReport report(String unit, ProgressKind kind, String time) {
    return new ProgressReport(
        UUID.randomUUID(),
        TICKET,
        unit,
        kind,
        at(time),
        "经办人",
        null,
        kind == ProgressKind.RESOLVED ? "已督促企业结清工资" : null,
        null);
  }

  private static ProgressReport extension(String time, OffsetDateTime until) {
    return new ProgressReport(
        UUID.randomUUID(),
        TICKET,
        "hrss",
        ProgressKind.EXTENSION_REQUESTED,
        at(time),
        "经办人",
        null,
        "需协调企业账户解冻",
        until);
  }

  private static ProgressReport note(String unit, String text) {
    return new ProgressReport(
        UUID.randomUUID(), TICKET, unit, ProgressKind.NOTE, at("12:00"), "经办人", null, text, null);
  }

  private static HotlineAction action(HotlineActionKind kind) {
    return new HotlineAction(
        UUID.randomUUID(), TICKET, kind, at("16:00"), "审核员", null, null, null, null, null);
  }

  private static HotlineAction callback(boolean reached, Satisfaction satisfaction) {
    return new HotlineAction(
        UUID.randomUUID(),
        TICKET,
        HotlineActionKind.CALLBACK,
        at("17:30"),
        "回访员",
        null,
        reached,
        true,
        satisfaction,
        null);
  }

  /** Routing's decision that {@code appeal} repeats {@code joined}, under hrss and its limit. */
  private static TicketRouted linked(String appeal, String joined) {
    return new TicketRouted(
        UUID.nameUUIDFromBytes(appeal.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        appeal,
        ROUTED.minusMinutes(5),
        ROUTED.plusHours(1),
        "hotline-phone",
        RoutingOutcome.LINKED,
        "water-supply",
        "630105",
        "hrss",
        List.of(),
        "repeat-appeal",
        "test",
        "重复件",
        DUE,
        Priority.NORMAL,
        List.of(),
        joined);
  }

  private static ProgressReport report(String ticket, String unit, ProgressKind kind) {
    return new ProgressReport(
        UUID.randomUUID(), ticket, unit, kind, at("10:00"), "经办人", null, "已处理", null);
  }

  private static HotlineAction action(String ticket, HotlineActionKind kind) {
    return new HotlineAction(
        UUID.randomUUID(), ticket, kind, at("16:00"), "审核员", null, null, null, null, null);
  }

  private static HotlineAction callback(String ticket, boolean reached, Satisfaction satisfaction) {
    return new HotlineAction(
        UUID.randomUUID(),
        ticket,
        HotlineActionKind.CALLBACK,
        at("17:30"),
        "回访员",
        null,
        reached,
        true,
        satisfaction,
        null);
  }

  private static OffsetDateTime at(String time) {
    return OffsetDateTime.parse("2026-01-26T" + time + ":00+08:00");
  }
}
