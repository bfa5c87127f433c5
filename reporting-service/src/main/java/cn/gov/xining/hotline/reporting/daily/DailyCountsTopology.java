package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.EventSerdes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The daily counts topology. Production and tests build it through {@link #addTo}, so the tests
 * exercise the real topology.
 *
 * <p>Each input first passes a "first sighting" filter keyed by ticket number, so a ticket
 * published twice (a retried intake, a replayed decision) is counted once. Then every ticket
 * becomes one increment per dimension it counts in, all summed in one store.
 */
@Component
public class DailyCountsTopology {

  /** The queryable store of counts. */
  public static final String COUNTS_STORE = "daily-counts";

  static final String RECEIVED_SEEN_STORE = "received-tickets-seen";
  static final String ROUTED_SEEN_STORE = "routed-tickets-seen";

  @Autowired
  public void addTo(StreamsBuilder builder) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RECEIVED_SEEN_STORE), Serdes.String(), Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ROUTED_SEEN_STORE), Serdes.String(), Serdes.Long()));

    KStream<String, String> receivedIncrements =
        builder.stream(
                Topics.TICKETS_RECEIVED,
                Consumed.with(Serdes.String(), EventSerdes.serde(TicketReceived.class)))
            .processValues(
                () ->
                    new FirstSighting<TicketReceived>(
                        RECEIVED_SEEN_STORE, TicketReceived::ticketNumber),
                RECEIVED_SEEN_STORE)
            .filter((key, ticket) -> ticket != null)
            .flatMap((key, ticket) -> increments(ticket));

    KStream<String, String> routedIncrements =
        builder.stream(
                Topics.ROUTING_DECISIONS,
                Consumed.with(Serdes.String(), EventSerdes.serde(TicketRouted.class)))
            .processValues(
                () ->
                    new FirstSighting<TicketRouted>(ROUTED_SEEN_STORE, TicketRouted::ticketNumber),
                ROUTED_SEEN_STORE)
            .filter((key, decision) -> decision != null)
            .flatMap((key, decision) -> increments(decision));

    receivedIncrements
        .merge(routedIncrements)
        .groupByKey(Grouped.with("daily-count-keys", Serdes.String(), Serdes.String()))
        .count(Materialized.as(COUNTS_STORE));
  }

  static List<KeyValue<String, String>> increments(TicketReceived ticket) {
    var day = HotlineTime.dayOf(ticket.receivedAt());
    return List.of(
        increment(Dimension.TOTAL.key(day, "all")),
        increment(Dimension.CHANNEL.key(day, ticket.channel())));
  }

  static List<KeyValue<String, String>> increments(TicketRouted decision) {
    var day = HotlineTime.dayOf(decision.receivedAt());
    var increments = new ArrayList<KeyValue<String, String>>();
    increments.add(increment(Dimension.OUTCOME.key(day, decision.outcome().name())));
    if (decision.districtCode() != null) {
      increments.add(increment(Dimension.DISTRICT.key(day, decision.districtCode())));
    }
    // A triage decision only proposes a topic and units; a person decides, so they do not count.
    if (decision.outcome() == RoutingOutcome.TRIAGE) {
      return increments;
    }
    if (decision.topicCode() != null) {
      increments.add(increment(Dimension.TOPIC.key(day, decision.topicCode())));
    }
    if (decision.primaryUnit() != null) {
      increments.add(increment(Dimension.UNIT.key(day, decision.primaryUnit())));
    }
    decision.assistingUnits().stream()
        .filter(unit -> !"district".equals(unit))
        .forEach(unit -> increments.add(increment(Dimension.UNIT.key(day, unit))));
    return increments;
  }

  private static KeyValue<String, String> increment(String key) {
    // The value is irrelevant: count() counts records per key.
    return KeyValue.pair(key, key);
  }
}
