package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.cases.Handling;
import cn.gov.xining.hotline.handling.cases.HandlingPolicy;
import cn.gov.xining.hotline.kafka.EventSerdes;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Routing's transfers, units' reports and the hotline's decisions, all keyed by ticket number and
 * co-partitioned, go through one processor that owns the ticket's case file: so everything about
 * one ticket is applied in order, by one owner, exactly once (exactly_once_v2), and every change is
 * published on {@code ticket-lifecycle}.
 */
@Component
public class HandlingTopology {

  /** The case files, one per transferred ticket; backed by a changelog topic. */
  public static final String CASE_FILES = "case-files";

  private final HandlingPolicy policy;
  private final Clock clock;

  public HandlingTopology(HandlingPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  @Autowired
  public void build(StreamsBuilder builder) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CASE_FILES),
            Serdes.String(),
            EventSerdes.serde(CaseFile.class)));
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
    KStream<String, Object> actions =
        builder.stream(
                Topics.HOTLINE_ACTIONS,
                Consumed.with(Serdes.String(), EventSerdes.serde(HotlineAction.class)))
            .mapValues(action -> (Object) action);
    decisions
        .merge(reports)
        .merge(actions)
        .process(() -> new CaseProcessor(new Handling(policy), policy, clock), CASE_FILES)
        .to(
            Topics.TICKET_LIFECYCLE,
            Produced.with(Serdes.String(), EventSerdes.serde(CaseEvent.class)));
  }
}
