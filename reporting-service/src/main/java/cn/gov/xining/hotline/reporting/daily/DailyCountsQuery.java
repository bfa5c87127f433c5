package cn.gov.xining.hotline.reporting.daily;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads one day's counts from the local store with a single prefix scan. One reporting instance
 * holds every partition's store; with several, a query would have to be forwarded to the owner.
 */
@Component
class DailyCountsQuery {

  private final KafkaStreamsInteractiveQueryService queries;

  DailyCountsQuery(KafkaStreamsInteractiveQueryService queries) {
    this.queries = queries;
  }

  DailyCounts countsOn(LocalDate day) {
    var store =
        queries.retrieveQueryableStore(
            DailyCountsTopology.COUNTS_STORE, QueryableStoreTypes.<String, Long>keyValueStore());
    Map<Dimension, Map<String, Long>> counts = new EnumMap<>(Dimension.class);
    for (Dimension dimension : Dimension.values()) {
      counts.put(dimension, new TreeMap<>());
    }
    try (var entries = store.prefixScan(Dimension.dayPrefix(day), new StringSerializer())) {
      entries.forEachRemaining(
          entry -> {
            String[] parts = entry.key.split("\\|", 3);
            counts.get(Dimension.valueOf(parts[1])).put(parts[2], entry.value);
          });
    }
    return new DailyCounts(
        day,
        counts.get(Dimension.TOTAL).getOrDefault("all", 0L),
        counts.get(Dimension.CHANNEL),
        counts.get(Dimension.OUTCOME),
        counts.get(Dimension.TOPIC),
        counts.get(Dimension.DISTRICT),
        counts.get(Dimension.UNIT));
  }
}
