package cn.gov.xining.hotline.contract;

import java.util.List;
import java.util.Optional;

/**
 * Every topic of the hotline in one place: its name, what its key is, its value's type and JSON
 * Schema, who writes it and where a record its readers cannot process goes. The names are {@link
 * Topics}'; a per-unit topic is named with {@code <unit>} for the unit's catalog code. The topics
 * themselves are made by operations from {@code deploy/kafka-security.yaml} ({@code
 * KafkaSecurityTest} checks the two agree); docs/topics.md explains each.
 */
public final class TopicCatalog {

  /** What stands for a unit's catalog code in a per-unit topic's name. */
  public static final String UNIT = "<unit>";

  /**
   * One topic.
   *
   * @param name the topic, or its per-unit template such as {@code assignments-<unit>}
   * @param key what the record key is
   * @param valueType the record its value is, as JSON
   * @param schema the value's JSON Schema under {@code schemas/} on the contract's classpath; null
   *     for a topic only the hotline's own services read
   * @param writer the one principal that writes it ({@code deploy/kafka-security.yaml})
   * @param deadLetters where its readers put what they cannot process, with the reason in the
   *     {@code kafka_dlt-exception-message} header
   */
  public record Topic<V>(
      String name,
      String key,
      Class<V> valueType,
      String schema,
      String writer,
      String deadLetters) {

    public boolean perUnit() {
      return name.contains(UNIT);
    }

    /** The topic's name for one unit; the name itself for a topic that is not per unit. */
    public String nameFor(String unitCode) {
      return name.replace(UNIT, unitCode);
    }
  }

  private static final String TICKET_NUMBER = "ticket number";

  public static final Topic<TicketReceived> TICKETS_RECEIVED =
      new Topic<>(
          Topics.TICKETS_RECEIVED,
          TICKET_NUMBER,
          TicketReceived.class,
          "TicketReceived.schema.json",
          "intake-service",
          Topics.deadLetterOf(Topics.TICKETS_RECEIVED));

  public static final Topic<TicketRouted> ROUTING_DECISIONS =
      new Topic<>(
          Topics.ROUTING_DECISIONS,
          TICKET_NUMBER,
          TicketRouted.class,
          "TicketRouted.schema.json",
          "routing-service",
          Topics.deadLetterOf(Topics.ROUTING_DECISIONS));

  public static final Topic<TicketTriaged> TICKETS_TRIAGE =
      new Topic<>(
          Topics.TICKETS_TRIAGE,
          TICKET_NUMBER,
          TicketTriaged.class,
          "TicketTriaged.schema.json",
          "routing-service",
          "none: compacted, read by routing's triage view only");

  // Routing's own learning records (routing's learning package); only routing reads them, so they
  // have no schema and are read here as plain JSON.
  public static final Topic<Object> ROUTING_EXAMPLES =
      new Topic<>(
          Topics.ROUTING_EXAMPLES,
          TICKET_NUMBER,
          Object.class,
          null,
          "routing-service",
          "none: compacted, read by routing's model versions only");

  public static final Topic<Object> ROUTING_MODELS =
      new Topic<>(
          Topics.ROUTING_MODELS,
          "model version id",
          Object.class,
          null,
          "routing-service",
          "none: compacted, read by routing's model versions only");

  /** The rule set in force, one record, followed by every routing instance (rules package). */
  public static final Topic<Object> ROUTING_RULES =
      new Topic<>(
          Topics.ROUTING_RULES,
          "the one key \"active\"",
          Object.class,
          null,
          "routing-service",
          "none: compacted, read by every routing instance only");

  public static final Topic<TicketAssigned> ASSIGNMENTS =
      new Topic<>(
          Topics.ASSIGNMENTS_PREFIX + UNIT,
          TICKET_NUMBER,
          TicketAssigned.class,
          "TicketAssigned.schema.json",
          "routing-service",
          "the unit's own system's");

  public static final Topic<ProgressReport> UNIT_PROGRESS =
      new Topic<>(
          Topics.UNIT_PROGRESS_PREFIX + UNIT,
          TICKET_NUMBER,
          ProgressReport.class,
          "ProgressReport.schema.json",
          "unit-" + UNIT,
          Topics.UNIT_PROGRESS_PREFIX + UNIT + Topics.DEAD_LETTER_SUFFIX);

  public static final Topic<ProgressReport> TICKET_PROGRESS =
      new Topic<>(
          Topics.TICKET_PROGRESS,
          TICKET_NUMBER,
          ProgressReport.class,
          "ProgressReport.schema.json",
          "handling-service",
          Topics.deadLetterOf(Topics.TICKET_PROGRESS));

  public static final Topic<HotlineAction> HOTLINE_ACTIONS =
      new Topic<>(
          Topics.HOTLINE_ACTIONS,
          TICKET_NUMBER,
          HotlineAction.class,
          "HotlineAction.schema.json",
          "handling-service",
          Topics.deadLetterOf(Topics.HOTLINE_ACTIONS));

  public static final Topic<TicketReturned> TICKETS_RETURNED =
      new Topic<>(
          Topics.TICKETS_RETURNED,
          TICKET_NUMBER,
          TicketReturned.class,
          "TicketReturned.schema.json",
          "handling-service",
          Topics.deadLetterOf(Topics.TICKETS_RETURNED));

  public static final Topic<CaseEvent> TICKET_LIFECYCLE =
      new Topic<>(
          Topics.TICKET_LIFECYCLE,
          TICKET_NUMBER,
          CaseEvent.class,
          "CaseEvent.schema.json",
          "handling-service",
          Topics.deadLetterOf(Topics.TICKET_LIFECYCLE));

  public static final Topic<CaseEvent> UNIT_LIFECYCLE =
      new Topic<>(
          Topics.UNIT_LIFECYCLE_PREFIX + UNIT,
          TICKET_NUMBER,
          CaseEvent.class,
          "CaseEvent.schema.json",
          "handling-service",
          "the unit's own system's");

  public static final Topic<AuditEntry> AUDIT_TRAIL =
      new Topic<>(
          Topics.AUDIT_TRAIL,
          "principal",
          AuditEntry.class,
          null,
          "every service (its own entries)",
          "none: read by reporting's auditor view only");

  /** Every topic the hotline's events travel on; dead-letter topics are named by each. */
  public static final List<Topic<?>> ALL =
      List.of(
          TICKETS_RECEIVED,
          ROUTING_DECISIONS,
          TICKETS_TRIAGE,
          ROUTING_EXAMPLES,
          ROUTING_MODELS,
          ROUTING_RULES,
          ASSIGNMENTS,
          UNIT_PROGRESS,
          TICKET_PROGRESS,
          HOTLINE_ACTIONS,
          TICKETS_RETURNED,
          TICKET_LIFECYCLE,
          UNIT_LIFECYCLE,
          AUDIT_TRAIL);

  private TopicCatalog() {}

  /** The catalogue's entry for a topic's name, per-unit names included. */
  public static Optional<Topic<?>> of(String topicName) {
    return ALL.stream()
        .filter(
            topic ->
                topic.perUnit()
                    ? topicName.startsWith(topic.name().replace(UNIT, ""))
                        && !topicName.endsWith(Topics.DEAD_LETTER_SUFFIX)
                    : topic.name().equals(topicName))
        .findFirst();
  }
}
