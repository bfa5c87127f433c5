package cn.gov.xining.hotline.handling.cases;

import cn.gov.xining.hotline.catalog.calendar.DateNotCoveredException;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.HotlineActionKind;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.ProgressKind;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.Satisfaction;
import cn.gov.xining.hotline.contract.TicketRouted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The handling state machine (转办 — 签收 — 办理 — 审核 — 回访), as pure functions: a case file and what
 * arrived give the next case file and the events to publish. What the state does not allow is
 * refused with an event that says why, and the case file stays as it was. The handling processor
 * applies these decisions; the REST API asks the same ones first, to answer a refusal at once.
 *
 * <p>A repeat appeal (重复件, routing's {@code LINKED}) has a case file of its own, since its citizen
 * is called back on it, but is handled in the case it joined: reports and decisions on it are
 * refused, naming that case, and that case's approved result is shared with it ({@link CaseLink}s,
 * which the processor passes between the two cases).
 */
@Component
public final class Handling {

  /**
   * The case file after something arrived, and what to publish about it.
   *
   * @param limit when the case could not take it for one of its {@link CaseLimits}: which; else
   *     null
   * @param links what to tell other cases (a repeat appeal and the case it joins), each keyed by
   *     the ticket it is for
   */
  public record Outcome(
      CaseFile file, List<CaseEvent> events, CaseLimits.Breach limit, List<CaseLink> links) {

    public Outcome {
      events = List.copyOf(events);
      links = links == null ? List.of() : List.copyOf(links);
    }

    public Outcome(CaseFile file, List<CaseEvent> events, CaseLimits.Breach limit) {
      this(file, events, limit, List.of());
    }

    public Outcome(CaseFile file, List<CaseEvent> events) {
      this(file, events, null);
    }

    public static Outcome unchanged(CaseFile file) {
      return new Outcome(file, List.of());
    }
  }

  private final HandlingPolicy policy;
  private final WorkingCalendar calendar;
  private final CaseLimits limits;

  public Handling(HandlingPolicy policy, WorkingCalendar calendar, CaseLimits limits) {
    this.policy = policy;
    this.calendar = calendar;
    this.limits = limits;
  }

  /**
   * How many times an appeal is passed on to the case that the case it named joined itself, before
   * it is handled on its own: more would be cases linked in a loop.
   */
  static final int MAX_HOPS = 3;

  /** A routing decision: a transfer opens the case, or gives a returned ticket its new unit. */
  public Outcome routed(CaseFile file, TicketRouted decision) {
    return routed(file, decision, null);
  }

  /**
   * A routing decision; {@code content}, what the citizen said (null if not known here), goes with
   * a repeat appeal to the case it joins, for that case's lead unit to read.
   */
  public Outcome routed(CaseFile file, TicketRouted decision, String content) {
    if (decision.outcome() == RoutingOutcome.LINKED) {
      return linked(file, decision, content);
    }
    if (decision.outcome() != RoutingOutcome.TRANSFER) {
      return Outcome.unchanged(file);
    }
    if (file == null) {
      var opened = CaseFile.openedBy(decision, null);
      return record(
          opened.change(),
          CaseEventKind.OPENED,
          decision.eventId(),
          decision.routedAt(),
          decision.primaryUnit(),
          null,
          "转交%s办理，办理时限%s".formatted(decision.primaryUnit(), decision.dueAt()));
    }
    if (file.hasSeen(decision.eventId())
        || (file.status() != CaseStatus.RETURNED && file.status() != CaseStatus.SUPERVISOR)) {
      return Outcome.unchanged(file); // the same decision again
    }
    var change = file.change();
    change.status = CaseStatus.ASSIGNED;
    change.primaryUnit = decision.primaryUnit();
    change.assistingUnits = decision.assistingUnits();
    change.openedAt = decision.routedAt();
    change.dueAt = decision.dueAt();
    change.warned = false;
    change.overdue = false;
    change.pendingExtension = null;
    change.resolvedParts.clear();
    change.remember(decision.eventId());
    return record(
        change,
        CaseEventKind.OPENED,
        decision.eventId(),
        decision.routedAt(),
        decision.primaryUnit(),
        null,
        "重新转交%s办理，办理时限%s".formatted(decision.primaryUnit(), decision.dueAt()));
  }

  /**
   * 重复件: the appeal's case is opened as part of the case it repeats, under that case's lead unit
   * and time limit as routing knew them, and that case is told. Until it answers, nothing is known
   * of it here: it may live on another stream task.
   */
  private Outcome linked(CaseFile file, TicketRouted decision, String content) {
    if (file != null) {
      return Outcome.unchanged(file); // the same decision again, or a ticket already in handling
    }
    String joined = decision.repeatOf();
    var opened = CaseFile.openedBy(decision, joined);
    if (joined == null || joined.equals(decision.ticketNumber())) {
      // Routing's mistake, but the citizen's appeal must still be handled by someone.
      return handledAlone(
          opened, decision.eventId(), decision.routedAt(), CaseLink.excerpt(content));
    }
    var outcome =
        record(
            opened.change(),
            CaseEventKind.LINKED,
            decision.eventId(),
            decision.routedAt(),
            decision.primaryUnit(),
            null,
            "重复件，并入工单%s办理".formatted(joined));
    return withLinks(
        outcome,
        CaseLink.of(
            CaseLink.Kind.APPEAL,
            joined,
            decision.ticketNumber(),
            decision.eventId(),
            decision.routedAt(),
            CaseLink.excerpt(content),
            0));
  }

  /** What another case told this one about a repeat appeal. */
  public Outcome linkArrived(CaseFile file, CaseLink link) {
    return switch (link.kind()) {
      case APPEAL -> appealJoins(file, link);
      case NOT_IN_HANDLING -> {
        if (file == null || !file.linked() || file.hasSeen(link.eventId())) {
          yield Outcome.unchanged(file);
        }
        yield handledAlone(file, link.eventId(), link.at(), link.detail());
      }
      case RESULT -> resultShared(file, link);
    };
  }

  /**
   * An appeal joins this case: its lead unit hears of it on its own topic (the event is published,
   * not kept in the history: {@link CaseFile#linkedAppeals()}). A case already approved shares its
   * result at once.
   */
  private Outcome appealJoins(CaseFile file, CaseLink link) {
    if (file == null
        || link.from().equals(file.ticketNumber())
        || (file.linked() && link.hops() >= MAX_HOPS)) {
      // Not here, or come back round to itself: the appeal is handled on its own.
      return new Outcome(
          file,
          List.of(),
          null,
          List.of(
              CaseLink.of(
                  CaseLink.Kind.NOT_IN_HANDLING,
                  link.from(),
                  link.ticketNumber(),
                  link.eventId(),
                  link.at(),
                  link.detail(),
                  0)));
    }
    if (file.linked()) {
      // Itself a repeat appeal: the case it joined is the one handled, so the appeal goes there.
      return new Outcome(
          file,
          List.of(),
          null,
          List.of(
              CaseLink.of(
                  CaseLink.Kind.APPEAL,
                  file.linkedTo(),
                  link.from(),
                  link.eventId(),
                  link.at(),
                  link.detail(),
                  link.hops() + 1)));
    }
    if (file.linkedAppeals().contains(link.from())) {
      return Outcome.unchanged(file); // the same appeal again
    }
    var change = file.change();
    change.linkedAppeals.add(link.from());
    var joined =
        event(
            change.done(),
            CaseEventKind.APPEAL_LINKED,
            link.eventId(),
            link.at(),
            file.primaryUnit(),
            null,
            link.detail() == null
                ? "重复件%s并入本工单".formatted(link.from())
                : "重复件%s并入本工单：%s".formatted(link.from(), link.detail()),
            null,
            null,
            null);
    var links = new ArrayList<CaseLink>();
    if (file.status() == CaseStatus.APPROVED || file.status() == CaseStatus.CLOSED) {
      links.add(result(file, link.from(), link.eventId(), link.at()));
    }
    return new Outcome(change.done(), List.of(joined), null, links);
  }

  /**
   * The case an appeal named has no case file here (answered directly, or never transferred):
   * rather than lose the appeal, it is opened as a case of its own, and its unit is told as of any
   * new case; what the citizen said goes with it, since routing sent the unit no assignment.
   */
  private Outcome handledAlone(CaseFile file, UUID cause, OffsetDateTime at, String excerpt) {
    var change = file.change();
    change.linkedTo = null;
    if (!file.hasSeen(cause)) {
      change.remember(cause);
    }
    String detail =
        "未能并入工单%s（该工单不在办理中），转交%s办理，办理时限%s"
            .formatted(
                file.linkedTo() == null ? "（路由未指明）" : file.linkedTo(),
                file.primaryUnit(),
                file.dueAt() == null ? "未定 (none given)" : file.dueAt().toString());
    return record(
        change,
        CaseEventKind.OPENED,
        cause,
        at,
        file.primaryUnit(),
        null,
        excerpt == null ? detail : detail + "。诉求：" + excerpt);
  }

  /** The joined case was approved: the appeal now waits for its own callback. */
  private Outcome resultShared(CaseFile file, CaseLink link) {
    if (file == null
        || !file.linked()
        || file.hasSeen(link.eventId())
        || file.status() == CaseStatus.CLOSED) {
      return Outcome.unchanged(file); // repeated, handled on its own since, or called back
    }
    var change = file.change();
    change.remember(link.eventId());
    change.status = CaseStatus.APPROVED;
    return record(
        change,
        CaseEventKind.RESULT_SHARED,
        link.eventId(),
        link.at(),
        file.primaryUnit(),
        null,
        "工单%s已办结：%s".formatted(link.from(), link.detail()));
  }

  /** The approved result of this case, for one of its appeals. */
  private static CaseLink result(CaseFile file, String appeal, UUID cause, OffsetDateTime at) {
    String result = "审核通过";
    for (var event : file.history()) {
      if (event.kind() == CaseEventKind.RESOLVED && event.detail() != null) {
        result = event.detail(); // the last one: a result sent back was resolved again
      }
    }
    return CaseLink.of(CaseLink.Kind.RESULT, appeal, file.ticketNumber(), cause, at, result, 0);
  }

  private static Outcome withLinks(Outcome outcome, CaseLink... links) {
    return new Outcome(outcome.file(), outcome.events(), outcome.limit(), List.of(links));
  }

  /**
   * A unit's report, judged and recorded at the time it reached the hotline: the time the unit
   * writes in {@code at} is its own to choose, so it decides nothing (the 17:00 cut-off for
   * extensions, the time in the history).
   */
  public Outcome report(CaseFile file, ProgressReport report, OffsetDateTime arrivedAt) {
    var arrived =
        new ProgressReport(
            report.eventId(),
            report.ticketNumber(),
            report.unit(),
            report.kind(),
            arrivedAt,
            report.by(),
            report.returnReason(),
            report.text(),
            report.requestedDueAt());
    var outcome = apply(file, arrived);
    return overLimit(file, outcome, report.kind() == ProgressKind.NOTE, report.text(), "text")
        .map(breach -> new Outcome(file, refused(file, arrived, breach.message()).events(), breach))
        .orElse(outcome);
  }

  private Outcome apply(CaseFile file, ProgressReport report) {
    if (file == null) {
      return refused(
          report.ticketNumber(), report, "没有转办中的该编号工单 (no ticket in handling under this number)");
    }
    if (file.hasSeen(report.eventId())) {
      return Outcome.unchanged(file); // the same report again
    }
    if (file.linked()) {
      return refused(
          file,
          report,
          "重复件已并入工单%s，请在%s上报告 (a repeat appeal: report on %s)"
              .formatted(file.linkedTo(), file.linkedTo(), file.linkedTo()));
    }
    boolean primary = report.unit().equals(file.primaryUnit());
    if (!primary && !file.assistingUnits().contains(report.unit())) {
      return refused(
          file, report, "该工单未转交给%s (not assigned to this unit)".formatted(report.unit()));
    }
    var change = file.change();
    change.remember(report.eventId());
    return switch (report.kind()) {
      case ACCEPTED -> accepted(file, change, report, primary);
      case RETURNED -> returned(file, change, report, primary);
      case EXTENSION_REQUESTED -> extensionRequested(file, change, report, primary);
      case NOTE ->
          file.status() == CaseStatus.CLOSED
              ? refused(file, report, "工单已结案 (the ticket is closed)")
              : record(change, CaseEventKind.NOTE, report, report.text());
      case RESOLVED -> resolved(file, change, report, primary);
    };
  }

  /** A decision of the hotline's staff. */
  public Outcome act(CaseFile file, HotlineAction action) {
    var outcome = decide(file, action);
    return overLimit(file, outcome, false, action.reason(), "reason")
        .map(
            breach ->
                new Outcome(
                    file,
                    refusedAction(file.ticketNumber(), file, action, breach.message()).events(),
                    breach))
        .orElse(outcome);
  }

  /**
   * The limit the case file after this change would break, if any: what units and the hotline's
   * staff send is refused once the case holds as many notes or entries as it may, or would grow
   * past its size; what the hotline itself records (transfers, the deadline watch) never is, and
   * stays far under the changelog's limit since each needs something sent before it. {@code
   * textField} is the request's free text, named when the size is what the change breaks.
   */
  private Optional<CaseLimits.Breach> overLimit(
      CaseFile before, Outcome outcome, boolean note, String text, String textField) {
    var after = outcome.file();
    if (before == null || after == null || after.history().size() <= before.history().size()) {
      return Optional.empty(); // refused, repeated, or nothing recorded
    }
    if (note && notes(after) > limits.notesPerCase()) {
      return Optional.of(
          new CaseLimits.Breach(
              "kind",
              "每件工单最多%d条备注，已满 (a case holds at most %d notes)"
                  .formatted(limits.notesPerCase(), limits.notesPerCase())));
    }
    if (after.history().size() > limits.historyEntries()) {
      return Optional.of(
          new CaseLimits.Breach(
              "kind",
              "每件工单最多%d条办理记录，已满 (a case holds at most %d history entries)"
                  .formatted(limits.historyEntries(), limits.historyEntries())));
    }
    int size = CaseLimits.sizeOf(after);
    if (size > limits.caseFileSize().toBytes()) {
      return Optional.of(
          new CaseLimits.Breach(
              text == null || text.isEmpty() ? "kind" : textField,
              "案卷将达%d字节，超过上限%d字节 (the case file would grow to %d bytes, over its %d)"
                  .formatted(
                      size,
                      limits.caseFileSize().toBytes(),
                      size,
                      limits.caseFileSize().toBytes())));
    }
    return Optional.empty();
  }

  private static long notes(CaseFile file) {
    return file.history().stream().filter(event -> event.kind() == CaseEventKind.NOTE).count();
  }

  private Outcome decide(CaseFile file, HotlineAction action) {
    if (file == null) {
      return refusedAction(
          action.ticketNumber(),
          null,
          action,
          "没有转办中的该编号工单 (no ticket in handling under this number)");
    }
    if (file.hasSeen(action.eventId())) {
      return Outcome.unchanged(file);
    }
    if (file.linked() && action.kind() != HotlineActionKind.CALLBACK) {
      // Its time limit, review and result are those of the case it joined.
      return refusedAction(
          file.ticketNumber(),
          file,
          action,
          "重复件已并入工单%s，请在%s上办理 (a repeat appeal: decide on %s)"
              .formatted(file.linkedTo(), file.linkedTo(), file.linkedTo()));
    }
    var change = file.change();
    change.remember(action.eventId());
    return switch (action.kind()) {
      case EXTENSION_GRANTED, EXTENSION_REFUSED -> extensionDecided(file, change, action);
      case REVIEW_APPROVED -> {
        if (file.status() != CaseStatus.RESOLVED) {
          yield refusedAction(
              file.ticketNumber(),
              file,
              action,
              "只能审核已办结的工单 (only a resolved ticket can be reviewed)");
        }
        change.status = CaseStatus.APPROVED;
        var approved = record(change, CaseEventKind.REVIEW_APPROVED, action, "审核通过");
        // Every citizen who called about the same problem hears this result.
        yield withLinks(
            approved,
            file.linkedAppeals().stream()
                .map(appeal -> result(approved.file(), appeal, action.eventId(), action.at()))
                .toArray(CaseLink[]::new));
      }
      case REVIEW_SENT_BACK -> {
        if (file.status() != CaseStatus.RESOLVED) {
          yield refusedAction(
              file.ticketNumber(),
              file,
              action,
              "只能退回已办结的工单重办 (only a resolved ticket can be sent back)");
        }
        change.status = CaseStatus.ACCEPTED;
        change.rehandlings++;
        yield record(change, CaseEventKind.SENT_BACK, action, "退回重办：" + action.reason());
      }
      case CALLBACK -> callback(file, change, action);
    };
  }

  /** The deadline watch: a warning when most of the time limit is used, then overdue. */
  public Outcome watch(CaseFile file, OffsetDateTime now) {
    if (file == null || !file.open() || file.dueAt() == null || file.linked()) {
      return Outcome.unchanged(file); // an appeal's time limit is watched on the case it joined
    }
    var change = file.change();
    if (!file.overdue() && now.isAfter(file.dueAt())) {
      change.overdue = true;
      change.warned = true;
      return record(
          change,
          CaseEventKind.OVERDUE,
          null,
          now,
          file.primaryUnit(),
          null,
          "已超过办理时限 " + file.dueAt());
    }
    if (!file.warned() && !now.toInstant().isBefore(warningAt(file))) {
      change.warned = true;
      return record(
          change,
          CaseEventKind.DEADLINE_WARNING,
          null,
          now,
          file.primaryUnit(),
          null,
          "办理时限已用%d%%，将于%s到期".formatted(Math.round(100 * policy.warningShare()), file.dueAt()));
    }
    return Outcome.unchanged(file);
  }

  /**
   * When the warning share of the time limit is used, in working time (工作时间): the limit is counted
   * in working days, so a holiday or weekend inside it uses none of it.
   */
  private Instant warningAt(CaseFile file) {
    var opened = file.openedAt().toInstant();
    var due = file.dueAt().toInstant();
    try {
      if (!calendar.workingTimeBetween(opened, due).isZero()) {
        return calendar.whenShareUsed(opened, due, policy.warningShare());
      }
      // No working time at all: an hours limit run out on a rest day (a working-day limit always
      // ends with a working day). Measured in working time it would never be warned.
    } catch (DateNotCoveredException e) {
      // A year the calendar has no data for yet (an extension into it, a file not updated with the
      // new notice): a warning on the clock beats none, and the watch must go on for the others.
    }
    var limit = Duration.between(opened, due);
    return opened.plusMillis(Math.round(policy.warningShare() * limit.toMillis()));
  }

  private Outcome accepted(
      CaseFile file, CaseFile.Changes change, ProgressReport report, boolean primary) {
    if (!primary) {
      return file.open()
          ? record(change, CaseEventKind.PART_ACCEPTED, report, "协办单位签收")
          : refused(file, report, "工单不在办理中 (the ticket is not in handling)");
    }
    if (file.status() != CaseStatus.ASSIGNED) {
      return refused(
          file,
          report,
          "工单已签收或不在待签收状态 (not waiting to be signed for: %s)".formatted(file.status()));
    }
    change.status = CaseStatus.ACCEPTED;
    return record(change, CaseEventKind.ACCEPTED, report, "签收人：" + report.by());
  }

  private Outcome returned(
      CaseFile file, CaseFile.Changes change, ProgressReport report, boolean primary) {
    if (!primary) {
      return refused(
          file, report, "协办单位不能退回工单，请联系主办单位 (an assisting unit cannot return the ticket)");
    }
    if (!file.open()) {
      return refused(file, report, "工单不在办理中，不能退回 (only a ticket in handling can be returned)");
    }
    change.returnedBy.add(report.unit());
    change.pendingExtension = null;
    String why =
        "退回原因：" + report.returnReason() + (report.text() == null ? "" : "，" + report.text());
    if (change.returnedBy.size() >= policy.returnsBeforeSupervisor()) {
      change.status = CaseStatus.SUPERVISOR;
      return record(
          change,
          CaseEventKind.SENT_TO_SUPERVISOR,
          report,
          "已退回%d次，转督办。%s".formatted(change.returnedBy.size(), why));
    }
    change.status = CaseStatus.RETURNED;
    return record(change, CaseEventKind.RETURNED, report, why);
  }

  private Outcome extensionRequested(
      CaseFile file, CaseFile.Changes change, ProgressReport report, boolean primary) {
    if (!primary || !file.open()) {
      return refused(
          file,
          report,
          "只有主办单位可在办理中申请延期 (only the lead unit can ask for more time while handling)");
    }
    if (report.requestedDueAt() == null || !report.requestedDueAt().isAfter(file.dueAt())) {
      return refused(
          file,
          report,
          "延期后的时限须晚于现时限 %s (the new time limit must be later)".formatted(file.dueAt()));
    }
    var local = report.at().atZoneSameInstant(HotlineTime.ZONE).toLocalTime();
    if (local.isAfter(policy.extensionCutOff())) {
      return refused(
          file,
          report,
          "延期申请须在每日%s前提交 (extension requests close at %s)"
              .formatted(policy.extensionCutOff(), policy.extensionCutOff()));
    }
    if (file.pendingExtension() != null) {
      return refused(file, report, "已有待审批的延期申请 (an extension request is already waiting)");
    }
    change.pendingExtension =
        new CaseFile.Extension(
            report.eventId(), report.unit(), report.requestedDueAt(), report.text());
    return record(
        change,
        CaseEventKind.EXTENSION_REQUESTED,
        report,
        "申请延期至%s：%s".formatted(report.requestedDueAt(), report.text()));
  }

  private Outcome resolved(
      CaseFile file, CaseFile.Changes change, ProgressReport report, boolean primary) {
    if (!primary) {
      if (!file.open()) {
        return refused(file, report, "工单不在办理中 (the ticket is not in handling)");
      }
      if (file.resolvedParts().contains(report.unit())) {
        return refused(file, report, "协办部分已办结 (this unit's part is already resolved)");
      }
      change.resolvedParts.add(report.unit());
      return record(change, CaseEventKind.PART_RESOLVED, report, report.text());
    }
    return switch (file.status()) {
      case ACCEPTED -> {
        change.status = CaseStatus.RESOLVED;
        change.pendingExtension = null;
        yield record(change, CaseEventKind.RESOLVED, report, report.text());
      }
      case ASSIGNED ->
          refused(file, report, "工单未签收，不能办结 (resolving a ticket that was never accepted)");
      case RESOLVED, APPROVED, CLOSED -> refused(file, report, "工单已办结 (already resolved)");
      case RETURNED, SUPERVISOR -> refused(file, report, "工单已退回 (the ticket was returned)");
    };
  }

  private Outcome extensionDecided(CaseFile file, CaseFile.Changes change, HotlineAction action) {
    var pending = file.pendingExtension();
    if (pending == null) {
      return refusedAction(
          file.ticketNumber(), file, action, "没有待审批的延期申请 (no extension request is waiting)");
    }
    change.pendingExtension = null;
    if (action.kind() == cn.gov.xining.hotline.contract.HotlineActionKind.EXTENSION_REFUSED) {
      return record(change, CaseEventKind.EXTENSION_REFUSED, action, "不同意延期：" + action.reason());
    }
    change.dueAt = pending.until();
    change.warned = false;
    change.overdue = false;
    return record(change, CaseEventKind.EXTENSION_GRANTED, action, "同意延期至" + pending.until());
  }

  private Outcome callback(CaseFile file, CaseFile.Changes change, HotlineAction action) {
    if (file.status() != CaseStatus.APPROVED) {
      return refusedAction(
          file.ticketNumber(),
          file,
          action,
          "结果审核通过后才能回访 (a callback comes after the result is approved)");
    }
    boolean reached = Boolean.TRUE.equals(action.reached());
    var recorded =
        event(
            change.done(),
            CaseEventKind.CALLBACK_RECORDED,
            action.eventId(),
            action.at(),
            file.primaryUnit(),
            action.by(),
            reached
                ? "回访：%s，%s"
                    .formatted(
                        Boolean.TRUE.equals(action.solved()) ? "已解决" : "未解决", action.satisfaction())
                : "回访未接通",
            action.reached(),
            action.solved(),
            action.satisfaction());
    if (!reached) {
      change.history.add(recorded);
      return new Outcome(change.done(), List.of(recorded)); // called again later
    }
    change.history.add(recorded);
    if (action.satisfaction() == Satisfaction.NOT_SATISFIED && policy.reopenWhenNotSatisfied()) {
      change.status = CaseStatus.ACCEPTED;
      change.rehandlings++;
      // A repeat appeal whose citizen is not satisfied with the joined case's result is handled
      // on its own from now on, by the same unit: reports on it would otherwise be refused.
      change.linkedTo = null;
      var reopened =
          event(
              change.done(),
              CaseEventKind.REOPENED,
              action.eventId(),
              action.at(),
              file.primaryUnit(),
              action.by(),
              file.linked() ? "群众不满意，重新交办，不再随工单%s办理".formatted(file.linkedTo()) : "群众不满意，重新交办",
              null,
              null,
              null);
      change.history.add(reopened);
      return new Outcome(change.done(), List.of(recorded, reopened));
    }
    change.status = CaseStatus.CLOSED;
    var closed =
        event(
            change.done(),
            CaseEventKind.CLOSED,
            action.eventId(),
            action.at(),
            file.primaryUnit(),
            action.by(),
            "已回访，结案",
            null,
            null,
            null);
    change.history.add(closed);
    return new Outcome(change.done(), List.of(recorded, closed));
  }

  private Outcome record(
      CaseFile.Changes change, CaseEventKind kind, ProgressReport report, String detail) {
    return record(change, kind, report.eventId(), report.at(), report.unit(), report.by(), detail);
  }

  private Outcome record(
      CaseFile.Changes change, CaseEventKind kind, HotlineAction action, String detail) {
    return record(
        change, kind, action.eventId(), action.at(), change.primaryUnit, action.by(), detail);
  }

  private Outcome record(
      CaseFile.Changes change,
      CaseEventKind kind,
      UUID cause,
      OffsetDateTime at,
      String unit,
      String by,
      String detail) {
    var event = event(change.done(), kind, cause, at, unit, by, detail, null, null, null);
    change.history.add(event);
    return new Outcome(change.done(), List.of(event));
  }

  private Outcome refused(CaseFile file, ProgressReport report, String why) {
    var event =
        refusal(
            report.ticketNumber(),
            file,
            report.eventId(),
            report.at(),
            report.unit(),
            report.by(),
            report.kind() + "：" + why);
    return new Outcome(file, List.of(event));
  }

  private Outcome refused(String ticketNumber, ProgressReport report, String why) {
    var event =
        refusal(
            ticketNumber,
            null,
            report.eventId(),
            report.at(),
            report.unit(),
            report.by(),
            report.kind() + "：" + why);
    return new Outcome(null, List.of(event));
  }

  private Outcome refusedAction(
      String ticketNumber, CaseFile file, HotlineAction action, String why) {
    var event =
        refusal(
            ticketNumber,
            file,
            action.eventId(),
            action.at(),
            file == null ? null : file.primaryUnit(),
            action.by(),
            action.kind() + "：" + why);
    return new Outcome(file, List.of(event));
  }

  /** A refusal changes nothing, so it is not part of the history. */
  private static CaseEvent refusal(
      String ticketNumber,
      CaseFile file,
      UUID cause,
      OffsetDateTime at,
      String unit,
      String by,
      String why) {
    return new CaseEvent(
        derivedId(ticketNumber, CaseEventKind.REFUSED, cause, at),
        ticketNumber,
        CaseEventKind.REFUSED,
        cause,
        file == null ? null : file.status(),
        at,
        unit,
        by,
        file == null ? null : file.primaryUnit(),
        file == null ? null : file.dueAt(),
        why,
        null,
        null,
        null,
        file == null ? List.of() : file.returnedBy(),
        file == null ? 0 : file.returnedBy().size(),
        file == null ? 0 : file.rehandlings());
  }

  private static CaseEvent event(
      CaseFile after,
      CaseEventKind kind,
      UUID cause,
      OffsetDateTime at,
      String unit,
      String by,
      String detail,
      Boolean reached,
      Boolean solved,
      Satisfaction satisfaction) {
    return new CaseEvent(
        derivedId(after.ticketNumber(), kind, cause, at),
        after.ticketNumber(),
        kind,
        cause,
        after.status(),
        at,
        unit,
        by,
        after.primaryUnit(),
        after.dueAt(),
        detail,
        reached,
        solved,
        satisfaction,
        after.returnedBy(),
        after.returnedBy().size(),
        after.rehandlings());
  }

  /** The same cause gives the same id, so a consumer recognises an event published twice. */
  private static UUID derivedId(
      String ticketNumber, CaseEventKind kind, UUID cause, OffsetDateTime at) {
    String seed = ticketNumber + "/" + kind + "/" + (cause != null ? cause : at.toInstant());
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }
}
