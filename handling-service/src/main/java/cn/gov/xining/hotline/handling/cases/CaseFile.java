package cn.gov.xining.hotline.handling.cases;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.TicketRouted;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One transferred ticket's handling state: what the single owner (the handling topology) keeps per
 * ticket number in its state store, backed by a changelog topic.
 *
 * @param openedAt when the current time limit started (the transfer)
 * @param pendingExtension an extension asked for and not yet decided; null if none
 * @param returnedBy every unit that has sent the ticket back, oldest first
 * @param resolvedParts assisting units that have reported their part done
 * @param warned whether the deadline warning went out for the time limit in force
 * @param overdue whether the overdue event went out for the time limit in force
 * @param seen ids of the reports and actions already applied, newest last (bounded)
 * @param history everything that happened, oldest first
 * @param linkedTo for a repeat appeal (重复件): the case it joined, which is handled for it; null for
 *     a case handled on its own (also once an appeal that could not be joined, or whose citizen was
 *     not satisfied, is handled on its own)
 * @param linkedAppeals the repeat appeals that joined this case, oldest first. Each is also an
 *     {@code APPEAL_LINKED} event on {@code ticket-lifecycle}, but not in the history: a burst of
 *     calls about one burst pipe must not fill the history that the unit's own reports need room in
 */
public record CaseFile(
    String ticketNumber,
    CaseStatus status,
    String primaryUnit,
    List<String> assistingUnits,
    String topicCode,
    String districtCode,
    OffsetDateTime receivedAt,
    OffsetDateTime openedAt,
    OffsetDateTime dueAt,
    Extension pendingExtension,
    List<String> returnedBy,
    List<String> resolvedParts,
    int rehandlings,
    boolean warned,
    boolean overdue,
    List<UUID> seen,
    List<CaseEvent> history,
    String linkedTo,
    List<String> linkedAppeals) {

  /** A unit's request for more time. */
  public record Extension(UUID requestId, String unit, OffsetDateTime until, String reason) {}

  /** How many event ids are remembered to recognise a repeat. */
  static final int SEEN_LIMIT = 200;

  public CaseFile {
    assistingUnits = assistingUnits == null ? List.of() : List.copyOf(assistingUnits);
    returnedBy = returnedBy == null ? List.of() : List.copyOf(returnedBy);
    resolvedParts = resolvedParts == null ? List.of() : List.copyOf(resolvedParts);
    seen = seen == null ? List.of() : List.copyOf(seen);
    history = history == null ? List.of() : List.copyOf(history);
    // A case file written before repeat appeals has neither field.
    linkedAppeals = linkedAppeals == null ? List.of() : List.copyOf(linkedAppeals);
  }

  /**
   * The case file a routing decision opens: assigned to its lead unit, due when it says, the
   * decision remembered; {@code linkedTo} the open ticket it joins for a repeat appeal, else null.
   */
  static CaseFile openedBy(TicketRouted decision, String linkedTo) {
    return new CaseFile(
        decision.ticketNumber(),
        CaseStatus.ASSIGNED,
        decision.primaryUnit(),
        decision.assistingUnits(),
        decision.topicCode(),
        decision.districtCode(),
        decision.receivedAt(),
        decision.routedAt(),
        decision.dueAt(),
        null,
        List.of(),
        List.of(),
        0,
        false,
        false,
        List.of(decision.eventId()),
        List.of(),
        linkedTo,
        List.of());
  }

  public boolean open() {
    return status == CaseStatus.ASSIGNED || status == CaseStatus.ACCEPTED;
  }

  /** A repeat appeal handled with the case it joined: nothing is done on it but its callback. */
  public boolean linked() {
    return linkedTo != null;
  }

  boolean hasSeen(UUID eventId) {
    return eventId != null && seen.contains(eventId);
  }

  /** The builder-style copy for changes of more than the status. */
  Changes change() {
    return new Changes(this);
  }

  /** A mutable copy, turned back into a record with {@link #done()}. */
  static final class Changes {
    CaseStatus status;
    String primaryUnit;
    List<String> assistingUnits;
    OffsetDateTime openedAt;
    OffsetDateTime dueAt;
    Extension pendingExtension;
    final List<String> returnedBy;
    final List<String> resolvedParts;
    int rehandlings;
    boolean warned;
    boolean overdue;
    final List<UUID> seen;
    final List<CaseEvent> history;
    String linkedTo;
    final List<String> linkedAppeals;
    private final CaseFile from;

    private Changes(CaseFile from) {
      this.from = from;
      status = from.status;
      primaryUnit = from.primaryUnit;
      assistingUnits = from.assistingUnits;
      openedAt = from.openedAt;
      dueAt = from.dueAt;
      pendingExtension = from.pendingExtension;
      returnedBy = new ArrayList<>(from.returnedBy);
      resolvedParts = new ArrayList<>(from.resolvedParts);
      rehandlings = from.rehandlings;
      warned = from.warned;
      overdue = from.overdue;
      seen = new ArrayList<>(from.seen);
      history = new ArrayList<>(from.history);
      linkedTo = from.linkedTo;
      linkedAppeals = new ArrayList<>(from.linkedAppeals);
    }

    void remember(UUID eventId) {
      if (eventId != null) {
        seen.add(eventId);
        if (seen.size() > SEEN_LIMIT) {
          seen.remove(0);
        }
      }
    }

    CaseFile done() {
      return new CaseFile(
          from.ticketNumber,
          status,
          primaryUnit,
          assistingUnits,
          from.topicCode,
          from.districtCode,
          from.receivedAt,
          openedAt,
          dueAt,
          pendingExtension,
          returnedBy,
          resolvedParts,
          rehandlings,
          warned,
          overdue,
          seen,
          history,
          linkedTo,
          linkedAppeals);
    }
  }
}
