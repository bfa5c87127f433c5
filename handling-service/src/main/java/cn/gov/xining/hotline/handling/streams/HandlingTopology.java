package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketReturned;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.cases.Handling;
import cn.gov.xining.hotline.handling.cases.HandlingPolicy;
import cn.gov.xining.hotline.kafka.EventSerdes;
import cn.gov.xining.hotline.kafka.RecordTracing;
import java.time.Clock;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Received tickets, routing's transfers, units' reports and the hotline's decisions, all keyed by
 * ticket number and co-partitioned, go through one processor that owns the ticket's case file: so
 * everything about one ticket is applied in order, by one owner, exactly once (exactly_once_v2).
 * Every change is published on {@code ticket-lifecycle}; a returned ticket also goes, whole, to
 * {@code tickets-returned} for routing to route again.
 */
@Component
public class HandlingTopology {

  /** The case files, one per transferred ticket; backed by a changelog topic. */
  public static final String CASE_FILES = "case-files";

  /** The tickets as received: what a returned ticket is routed again with. */
  public static final String RECEIVED_TICKETS = "received-tickets";

  private final Handling handling;
  private final HandlingPolicy policy;
  private final Clock clock;
  private final CaseMetrics metrics;
  private final RecordTracing tracing;

  public HandlingTopology(
      Handling handling,
      HandlingPolicy policy,
      Clock clock,
      CaseMetrics metrics,
      RecordTracing tracing) {
    this.handling = handling;
    this.tracing = tracing;
    this.policy = policy;
    this.clock = clock;
    this.metrics = metrics;
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
    KStream<String, Object> received =
        builder.stream(
                Topics.TICKETS_RECEIVED,
                Consumed.with(Serdes.String(), EventSerdes.serde(TicketReceived.class)))
            .mapValues(ticket -> (Object) ticket);
    KStream<String, Object> decisions =
        builder.stream(
                Topics.ROUTING_DECISIONS,
                Consumed.with(Serdes.String(), EventSerdes.serde(TicketRouted.class)))
            .mapValues(decision -> (Object) decision);
    KStream<String, Object> reports =
        builder.stream(
                Topics.TICKET_PROGRESS,
                Consumed.with(Serdes.String(), EventSerdes.serde(ProgressReport.class)))
            .mapValues(report -> (Object) report);
    KStream<String, Object> unitReports =
        builder.stream(
                UNIT_PROGRESS,
                Consumed.with(Serdes.String(), EventSerdes.serde(ProgressReport.class)))
            .mapValues(report -> (Object) report);
    KStream<String, Object> actions =
        builder.stream(
                Topics.HOTLINE_ACTIONS,
                Consumed.with(Serdes.String(), EventSerdes.serde(HotlineAction.class)))
            .mapValues(action -> (Object) action);
    KStream<String, Object> outputs =
        received
            .merge(decisions)
            .merge(reports)
            .merge(unitReports)
            .merge(actions)
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
  }
}
