package cn.gov.xining.hotline.intake.history;

/**
 * A ticket's status as intake knows it, in the order a ticket moves through them. A later event
 * never moves a ticket back: a routing decision read before intake recorded its own acknowledgement
 * leaves the ticket routed.
 */
public enum TicketStatus {
  /** Stored in intake's database: the number was given out and the ticket cannot be lost. */
  RECEIVED("已受理", false),
  /** Acknowledged by Kafka (acks=all): routing will see it. */
  PUBLISHED("已转派单中心", false),
  /** No rule could place it: waiting for the triage staff (派单员). */
  IN_TRIAGE("待人工派单", false),
  /** Answered by the hotline itself (直接办理): nothing is left to do. */
  ANSWERED_DIRECTLY("直接办理", true),
  /** Transferred (转交) to the responsible unit with a time limit. */
  TRANSFERRED("已转交承办单位", false);

  private final String chineseName;
  private final boolean closed;

  TicketStatus(String chineseName, boolean closed) {
    this.chineseName = chineseName;
    this.closed = closed;
  }

  public String chineseName() {
    return chineseName;
  }

  /** Open311's two states: closed once nothing is left to do for the citizen. */
  public boolean closed() {
    return closed;
  }
}
