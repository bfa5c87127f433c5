package cn.gov.xining.hotline.reporting.daily;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads one day's counts: two point look-ups in the local stores, whatever the number of tickets.
 * One reporting instance holds every partition's store; with several, a query would have to be
 * forwarded to the instance that owns the day.
 */
@Component
class DailyCountsQuery {

  private final KafkaStreamsInteractiveQueryService queries;

  DailyCountsQuery(KafkaStreamsInteractiveQueryService queries) {
    this.queries = queries;
  }

  DailyCounts countsOn(LocalDate day) {
    var received = counts(DailyCountsTopology.RECEIVED_COUNTS, day);
    var routed = counts(DailyCountsTopology.ROUTING_COUNTS, day);
    Map<Dimension, Map<String, Long>> byDimension = new EnumMap<>(Dimension.class);
    for (Dimension dimension : Dimension.values()) {
      byDimension.put(dimension, new TreeMap<>());
    }
    for (var counts : new Counts[] {received, routed}) {
      counts
          .counts()
          .forEach(
              (key, value) -> {
                String[] parts = key.split("\\|", 2);
                byDimension.get(Dimension.valueOf(parts[0])).put(parts[1], value);
              });
    }
    return new DailyCounts(
        day,
        received.get(Dimension.TOTAL.key("all")),
        byDimension.get(Dimension.CHANNEL),
        byDimension.get(Dimension.OUTCOME),
        byDimension.get(Dimension.TOPIC),
        byDimension.get(Dimension.DISTRICT),
        byDimension.get(Dimension.UNIT));
  }

  private Counts counts(String storeName, LocalDate day) {
    ReadOnlyKeyValueStore<String, Counts> store =
        queries.retrieveQueryableStore(storeName, QueryableStoreTypes.keyValueStore());
    var counts = store.get(day.toString());
    return counts == null ? Counts.none() : counts;
  }
}
