package cn.gov.xining.hotline.intake.history;

/**
 * A ticket's status as intake knows it, in the order a ticket moves through them. A later event
 * never moves a ticket back: a routing decision read before intake recorded its own acknowledgement
 * leaves the ticket routed.
 */
public enum TicketStatus {
  // The first two are the outbox's, which writes them by these names (outbox.TicketOutbox).
  /** Stored in intake's database: the number was given out and the ticket cannot be lost. */
  RECEIVED("已受理", false),
  /** Acknowledged by Kafka (acks=all): routing will see it. */
  PUBLISHED("已转派单中心", false),
  /** No rule could place it: waiting for the triage staff (派单员). */
  IN_TRIAGE("待人工派单", false),
  /** Answered by the hotline itself (直接办理): nothing is left to do. */
  ANSWERED_DIRECTLY("直接办理", true),
  /** Transferred (转交) to the responsible unit with a time limit. */
  TRANSFERRED("已转交承办单位", false),
  /**
   * A repeat appeal (重复件): the same problem as a ticket a unit is handling; it joined that case and
   * its citizen is called back with its result.
   */
  LINKED("已并入在办工单", false),
  // From here on the statuses come from handling-service, which owns them: they follow its
  // lifecycle events in order, back as well as forth (a result sent back is in handling again).
  /** The unit signed for it (签收) and is handling it. */
  IN_HANDLING("办理中", false, true),
  /** The unit sent it back; it is being routed again or is with a supervisor. */
  RETURNED("已退回", false, true),
  /** Routed again after a return: with another unit, under a new time limit. */
  REASSIGNED("已重新转交", false, true),
  /** The unit reported its result; the hotline reviews it and calls the citizen back. */
  RESOLVED("已办结", false, true),
  /** Called back: nothing left to do. */
  CLOSED("已结案", true, true);

  private final String chineseName;
  private final boolean closed;
  private final boolean fromHandling;

  TicketStatus(String chineseName, boolean closed) {
    this(chineseName, closed, false);
  }

  TicketStatus(String chineseName, boolean closed, boolean fromHandling) {
    this.chineseName = chineseName;
    this.closed = closed;
    this.fromHandling = fromHandling;
  }

  /** Whether handling-service sets it; such a status may also follow a later one. */
  public boolean fromHandling() {
    return fromHandling;
  }

  public String chineseName() {
    return chineseName;
  }

  /** Open311's two states: closed once nothing is left to do for the citizen. */
  public boolean closed() {
    return closed;
  }
}
