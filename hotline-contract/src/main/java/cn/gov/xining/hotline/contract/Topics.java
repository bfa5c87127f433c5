package cn.gov.xining.hotline.contract;

/**
 * Topic names. They are part of the contract with the departments, so they are fixed strings and
 * never derived from class names.
 */
public final class Topics {

  /** Every accepted ticket, keyed by ticket number. Written only by intake-service. */
  public static final String TICKETS_RECEIVED = "tickets-received";

  /** One routing decision per ticket, keyed by ticket number. Written only by routing-service. */
  public static final String ROUTING_DECISIONS = "routing-decisions";

  /** Tickets no rule could place, for the triage staff (派单员). Written by routing-service. */
  public static final String TICKETS_TRIAGE = "tickets-triage";

  /**
   * Every manual dispatch from triage as a labelled example for the topic model, the latest per
   * ticket number (compacted). Written and read only by routing-service.
   */
  public static final String ROUTING_EXAMPLES = "routing-examples";

  /**
   * The topic model's versions, the latest record per version id (compacted), so that the active
   * one is retrained after a restart. Written and read only by routing-service.
   */
  public static final String ROUTING_MODELS = "routing-models";

  /**
   * The routing rule set in force (派单规则), one record under the key {@code active} (compacted):
   * written by the routing instance that accepted a change, followed by every instance. Written and
   * read only by routing-service.
   */
  public static final String ROUTING_RULES = "routing-rules";

  /**
   * Units' reports on their tickets (accepted, returned, resolved, …), keyed by ticket number,
   * written by handling-service's REST API for the unit its caller signed in as. Units' own systems
   * write to {@link #progressOf(String)} instead.
   */
  public static final String TICKET_PROGRESS = "ticket-progress";

  /**
   * Prefix of the per-unit progress topics, {@code progress-<unit code>}: a unit's system writes
   * its reports there, and only there (the broker's ACLs), so the topic, not the report, says which
   * unit wrote; handling refuses a report on it that names another unit.
   */
  public static final String UNIT_PROGRESS_PREFIX = "progress-";

  /** The hotline's own decisions in handling (reviews, callbacks, extensions). */
  public static final String HOTLINE_ACTIONS = "hotline-actions";

  /** Every change of a ticket's handling state, written only by handling-service. */
  public static final String TICKET_LIFECYCLE = "ticket-lifecycle";

  /**
   * Prefix of the per-unit lifecycle topics, {@code lifecycle-<unit code>}: the {@link CaseEvent}s
   * of the cases a unit handles (or handled until the event), written by handling-service; a unit's
   * system reads its own and no other.
   */
  public static final String UNIT_LIFECYCLE_PREFIX = "lifecycle-";

  /** Returned tickets to be routed again, written by handling-service, read by routing. */
  public static final String TICKETS_RETURNED = "tickets-returned";

  /**
   * Stands for Kafka Streams' internal repartition topics, which have no dead-letter topic of their
   * own: what the Streams services cannot read from them goes to {@code streams-internal-dlt}.
   */
  public static final String STREAMS_INTERNAL = "streams-internal";

  /**
   * Who read personal data or changed anything, and when ({@link AuditEntry}), written by every
   * service, read by the auditor. Kept for a year.
   */
  public static final String AUDIT_TRAIL = "audit-trail";

  /** Prefix of the per-unit assignment topics: {@code assignments-<unit code>}. */
  public static final String ASSIGNMENTS_PREFIX = "assignments-";

  /** Suffix Spring Kafka 4 gives dead-letter topics. */
  public static final String DEAD_LETTER_SUFFIX = "-dlt";

  private Topics() {}

  /** The topic a responsible unit consumes its assignments from, e.g. {@code assignments-hrss}. */
  public static String assignmentsOf(String unitCode) {
    return ASSIGNMENTS_PREFIX + unitCode;
  }

  /** The topic a unit's system writes its reports to, e.g. {@code progress-hrss}. */
  public static String progressOf(String unitCode) {
    return UNIT_PROGRESS_PREFIX + unitCode;
  }

  /** The lifecycle of a unit's own cases, e.g. {@code lifecycle-hrss}. */
  public static String lifecycleOf(String unitCode) {
    return UNIT_LIFECYCLE_PREFIX + unitCode;
  }

  /** The dead-letter topic of a consumed topic, e.g. {@code tickets-received-dlt}. */
  public static String deadLetterOf(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
