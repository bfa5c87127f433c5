package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.EventSerdes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The daily counts topology. Production and tests build it through {@link #addTo}, so the tests
 * exercise the real topology.
 *
 * <p>Each input is read as a table keyed by ticket number: the latest received ticket and the
 * latest routing decision per ticket. Each table is then re-grouped by the Asia/Shanghai day the
 * ticket was received and summed into that day's {@link Counts}. When a ticket's record changes (a
 * repeated ticket, a triaged ticket dispatched by hand) Kafka Streams subtracts the old record's
 * increments and adds the new one's, so a ticket is counted once, on the day it was received, with
 * its latest decision, whatever order the events arrive in.
 */
@Component
public class DailyCountsTopology {

  /** Received tickets per day: total and by channel. */
  public static final String RECEIVED_COUNTS = "daily-received-counts";

  /** Routed tickets per day: by outcome, topic, district and unit. */
  public static final String ROUTING_COUNTS = "daily-routing-counts";

  private final StateStores stores;

  public DailyCountsTopology() {
    this(StateStores.PERSISTENT);
  }

  DailyCountsTopology(StateStores stores) {
    this.stores = stores;
  }

  @Autowired
  public void addTo(StreamsBuilder builder) {
    var countsSerde = CountsSerde.serde();
    var keysSerde = keysSerde();
    var receivedSerde = EventSerdes.serde(TicketReceived.class);
    var routedSerde = EventSerdes.serde(TicketRouted.class);

    var received =
        builder.stream(Topics.TICKETS_RECEIVED, Consumed.with(Serdes.String(), receivedSerde));
    // Readable JSON that is not a usable event would stop Kafka Streams further down; it goes to
    // the dead-letter topic as unreadable records do.
    received
        .filterNot((number, ticket) -> usable(ticket))
        .to(
            Topics.deadLetterOf(Topics.TICKETS_RECEIVED),
            Produced.with(Serdes.String(), receivedSerde));
    var receivedTable =
        received
            .filter((number, ticket) -> usable(ticket))
            .toTable(stores.named("received-tickets", receivedSerde));
    receivedTable
        .groupBy(
            (number, ticket) -> KeyValue.pair(day(ticket), increments(ticket)),
            Grouped.with("received-by-day", Serdes.String(), keysSerde))
        .aggregate(
            Counts::none,
            (day, keys, counts) -> counts.plus(keys),
            (day, keys, counts) -> counts.minus(keys),
            stores.named(RECEIVED_COUNTS, countsSerde));

    var routed =
        builder.stream(Topics.ROUTING_DECISIONS, Consumed.with(Serdes.String(), routedSerde));
    routed
        .filterNot((number, decision) -> usable(decision))
        .to(
            Topics.deadLetterOf(Topics.ROUTING_DECISIONS),
            Produced.with(Serdes.String(), routedSerde));
    var routedTable =
        routed
            .filter((number, decision) -> usable(decision))
            .toTable(stores.named("routed-tickets", routedSerde));
    routedTable
        .groupBy(
            (number, decision) -> KeyValue.pair(day(decision), increments(decision)),
            Grouped.with("routed-by-day", Serdes.String(), keysSerde))
        .aggregate(
            Counts::none,
            (day, keys, counts) -> counts.plus(keys),
            (day, keys, counts) -> counts.minus(keys),
            stores.named(ROUTING_COUNTS, countsSerde));

    FiguresTopology.addTo(builder, receivedTable, routedTable, stores);
  }

  /**
   * What is re-grouped by day: only the counter keys a record adds, not the record, so the
   * repartition topics carry a few short strings per ticket instead of its whole text.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Serde<List<String>> keysSerde() {
    return (Serde) Serdes.ListSerde(ArrayList.class, Serdes.String());
  }

  private static boolean usable(TicketReceived ticket) {
    return ticket != null
        && ticket.ticketNumber() != null
        && ticket.receivedAt() != null
        && ticket.channel() != null;
  }

  private static boolean usable(TicketRouted decision) {
    return decision != null
        && decision.ticketNumber() != null
        && decision.receivedAt() != null
        && decision.outcome() != null;
  }

  private static String day(TicketReceived ticket) {
    return HotlineTime.dayOf(ticket.receivedAt()).toString();
  }

  private static String day(TicketRouted decision) {
    return HotlineTime.dayOf(decision.receivedAt()).toString();
  }

  static List<String> increments(TicketReceived ticket) {
    return List.of(Dimension.TOTAL.key("all"), Dimension.CHANNEL.key(ticket.channel()));
  }

  static List<String> increments(TicketRouted decision) {
    var increments = new ArrayList<String>();
    increments.add(Dimension.OUTCOME.key(decision.outcome().name()));
    if (decision.districtCode() != null) {
      increments.add(Dimension.DISTRICT.key(decision.districtCode()));
    }
    // A triage decision only proposes a topic and units; a person decides, so they do not count.
    if (decision.outcome() == RoutingOutcome.TRIAGE) {
      return increments;
    }
    if (decision.topicCode() != null) {
      increments.add(Dimension.TOPIC.key(decision.topicCode()));
    }
    if (decision.primaryUnit() != null) {
      increments.add(Dimension.UNIT.key(decision.primaryUnit()));
    }
    decision.assistingUnits().stream()
        .filter(unit -> !Catalog.DISTRICT_TARGET.equals(unit))
        .forEach(unit -> increments.add(Dimension.UNIT.key(unit)));
    return increments;
  }
}
