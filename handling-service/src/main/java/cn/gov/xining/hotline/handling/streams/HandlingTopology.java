package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketReturned;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.cases.CaseLimits;
import cn.gov.xining.hotline.handling.cases.CaseLink;
import cn.gov.xining.hotline.handling.cases.Handling;
import cn.gov.xining.hotline.handling.cases.HandlingPolicy;
import cn.gov.xining.hotline.kafka.EventSerdes;
import cn.gov.xining.hotline.kafka.HotlineKafkaProperties;
import cn.gov.xining.hotline.kafka.RecordTracing;
import java.time.Clock;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Received tickets, routing's transfers, units' reports and the hotline's decisions, all keyed by
 * ticket number, each checked against the contract where it was read ({@link ContractCheck}), go
 * through one processor that owns the ticket's case file: so everything about one ticket is applied
 * in order, by one owner, exactly once (exactly_once_v2). What the hotline's own services write is
 * partitioned by their Java producers' murmur2 of the ticket number; what units write to {@code
 * progress-<unit>} is moved to that partition first, whatever the unit's client chose. Every change
 * is published on {@code ticket-lifecycle}; a returned ticket also goes, whole, to {@code
 * tickets-returned} for routing to route again.
 *
 * <p>A repeat appeal (重复件) and the case it joins are two ticket numbers, likely on two partitions
 * and so two tasks, and each case file may only be changed by the task that owns it. What one tells
 * the other (the appeal joining, the case not being in handling, the approved result) is therefore
 * written, keyed by the other ticket, to {@link #CASE_LINKS}, which this topology reads back into
 * the same processor: the record lands on the partition of the ticket it is for, in the task that
 * owns that ticket, and is applied in order with everything else about it. Written and read in the
 * same exactly-once transactions, a link is neither lost nor applied twice. A repartition topic
 * cannot do this (its output would have to flow back into the processor that feeds it, a cycle the
 * DSL does not build), so the topic is declared explicitly, under the application id (handling's to
 * create, {@code deploy/kafka-security.yaml}), with the event topics' partition count, so that a
 * ticket number gives the same partition on it as on every other input. Only handling writes it, so
 * it is not checked against the contract.
 */
@Component
public class HandlingTopology {

  /** The case files, one per transferred ticket; backed by a changelog topic. */
  public static final String CASE_FILES = "case-files";

  /** The tickets as received: what a returned ticket is routed again with. */
  public static final String RECEIVED_TICKETS = "received-tickets";

  /**
   * Units' reports moved to their ticket's partition: Kafka Streams' internal topic {@code
   * handling-service-unit-progress-by-ticket-repartition}, under the application id, which is
   * handling's to create (deploy/kafka-security.yaml).
   */
  static final String UNIT_PROGRESS_BY_TICKET = "unit-progress-by-ticket";

  /** What one case tells another about a repeat appeal: {@link CaseLink}s, keyed by the ticket. */
  static final String CASE_LINKS = "handling-service-case-links";

  private final Handling handling;
  private final HandlingPolicy policy;
  private final CaseLimits limits;
  private final Clock clock;
  private final CaseMetrics metrics;
  private final RecordTracing tracing;
  private final int partitions;
  private final int maxRecord;

  /**
   * @param kafka the partitions of every event topic: the unit reports' internal topic has as many,
   *     so that a ticket number gives the same partition on it as on the other inputs
   */
  public HandlingTopology(
      Handling handling,
      HandlingPolicy policy,
      CaseLimits limits,
      Clock clock,
      CaseMetrics metrics,
      RecordTracing tracing,
      HotlineKafkaProperties kafka) {
    this.handling = handling;
    this.tracing = tracing;
    this.policy = policy;
    this.limits = limits;
    this.clock = clock;
    this.metrics = metrics;
    this.partitions = kafka.partitions();
    this.maxRecord = Math.toIntExact(limits.recordSize().toBytes());
  }

  /**
   * Every unit's own progress topic, {@code progress-<unit code>}, also those created later (the
   * pattern is matched again as topics appear); not their dead-letter topics.
   */
  static final Pattern UNIT_PROGRESS =
      Pattern.compile(Pattern.quote(Topics.UNIT_PROGRESS_PREFIX) + "(?!.*-dlt$)[a-z0-9-]+");

  @Autowired
  public void build(StreamsBuilder builder) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CASE_FILES),
            Serdes.String(),
            EventSerdes.serde(CaseFile.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RECEIVED_TICKETS),
            Serdes.String(),
            EventSerdes.serde(TicketReceived.class)));
    KStream<String, Object> received = read(builder, Topics.TICKETS_RECEIVED, TicketReceived.class);
    KStream<String, Object> decisions = read(builder, Topics.ROUTING_DECISIONS, TicketRouted.class);
    KStream<String, Object> reports = read(builder, Topics.TICKET_PROGRESS, ProgressReport.class);
    KStream<String, Object> actions = read(builder, Topics.HOTLINE_ACTIONS, HotlineAction.class);
    // A unit's system may not partition as Java clients do (librdkafka's default partitioner is
    // not murmur2), so its report can be on another partition than its ticket's: each is moved,
    // checked, to the partition its ticket number gives, that of the task owning the case.
    var reportSerde = EventSerdes.serde(ProgressReport.class);
    KStream<String, Object> unitReports =
        checked(
                builder.stream(
                    UNIT_PROGRESS,
                    Consumed.with(
                        Serdes.String(),
                        EventSerdes.boundedSerde(ProgressReport.class, maxRecord))))
            .repartition(
                Repartitioned.<String, ProgressReport>as(UNIT_PROGRESS_BY_TICKET)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(reportSerde)
                    .withNumberOfPartitions(partitions))
            .mapValues(report -> (Object) report);
    var linkSerde = EventSerdes.serde(CaseLink.class);
    KStream<String, Object> links =
        builder.stream(CASE_LINKS, Consumed.with(Serdes.String(), linkSerde))
            .filter((ticketNumber, link) -> ticketNumber != null && link != null)
            .mapValues(link -> (Object) link);
    KStream<String, Object> outputs =
        received
            .merge(decisions)
            .merge(reports)
            .merge(unitReports)
            .merge(actions)
            .merge(links)
            .process(
                () -> new CaseProcessor(handling, policy, clock, metrics, tracing),
                CASE_FILES,
                RECEIVED_TICKETS);
    outputs
        .filter((ticketNumber, event) -> event instanceof CaseEvent)
        .<CaseEvent>mapValues(event -> (CaseEvent) event)
        .to(
            Topics.TICKET_LIFECYCLE,
            Produced.with(Serdes.String(), EventSerdes.serde(CaseEvent.class)));
    outputs
        .filter((ticketNumber, event) -> event instanceof UnitNotice)
        .<UnitNotice>mapValues(event -> (UnitNotice) event)
        .to(
            (ticketNumber, notice, record) -> notice.topic(),
            Produced.with(Serdes.String(), UnitNotice.serde()));
    outputs
        .filter((ticketNumber, event) -> event instanceof TicketReturned)
        .<TicketReturned>mapValues(event -> (TicketReturned) event)
        .to(
            Topics.TICKETS_RETURNED,
            Produced.with(Serdes.String(), EventSerdes.serde(TicketReturned.class)));
    // Keyed by the ticket the link is for, and partitioned as every Java producer does (murmur2).
    outputs
        .filter((ticketNumber, event) -> event instanceof CaseLink)
        .<CaseLink>mapValues(event -> (CaseLink) event)
        .to(CASE_LINKS, Produced.with(Serdes.String(), linkSerde));
  }

  /** A topic read with records over the size limit refused unread, then checked. */
  private <T> KStream<String, Object> read(StreamsBuilder builder, String topic, Class<T> type) {
    return checked(
            builder.stream(
                topic, Consumed.with(Serdes.String(), EventSerdes.boundedSerde(type, maxRecord))))
        .mapValues(value -> (Object) value);
  }

  private <T> KStream<String, T> checked(KStream<String, T> records) {
    return records.processValues(() -> new ContractCheck<T>(limits));
  }
}
