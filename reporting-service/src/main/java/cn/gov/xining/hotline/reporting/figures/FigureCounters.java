package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.kafka.EventSerdes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Counters per group (a day of receipt, a batch), one store entry per counter: {@code
 * <group>\0<key> -> count}.
 *
 * <p>Why not one {@link Counts} value per day: every update of a day then read and wrote all of the
 * day's counters, hundreds of them and more with every distinct address, which made catching up
 * slower the busier the day (measured in docs/benchmarks.md). Instead each ticket's last keys are
 * remembered next to the ticket (co-partitioned by its number); a change of its facts sends on only
 * the keys that changed, re-grouped by day, and each changed counter is one small read and write. A
 * report reads its day's counters with one prefix scan.
 */
final class FigureCounters {

  /** Between the group and the counter key; in neither a date, a batch label nor a key. */
  private static final char SEPARATOR = '\0';

  /** The keys a ticket last added, and to which group. */
  record LastKeys(String group, List<String> keys) {
    LastKeys {
      keys = keys == null ? List.of() : List.copyOf(keys);
    }
  }

  /** Counters to add one to and to take one from, in one group. */
  record Changes(List<String> added, List<String> removed) {
    Changes {
      added = added == null ? List.of() : List.copyOf(added);
      removed = removed == null ? List.of() : List.copyOf(removed);
    }
  }

  private FigureCounters() {}

  /**
   * Adds to {@code builder}'s topology the counting of {@code facts} into the store {@code
   * counters}: by {@code groupOf} (null: not counted), with the keys {@code keysOf}.
   */
  static void count(
      org.apache.kafka.streams.StreamsBuilder builder,
      KTable<String, TicketFacts> facts,
      String name,
      Function<TicketFacts, String> groupOf,
      Function<TicketFacts, List<String>> keysOf,
      String counters,
      StateStores stores) {
    String lastKeys = name + "-last-keys";
    builder.addStateStore(stores.keyValue(lastKeys, EventSerdes.serde(LastKeys.class)));
    builder.addStateStore(stores.keyValue(counters, Serdes.Long()));
    KStream<String, Changes> changes =
        facts.toStream().process(() -> new ChangedKeys(lastKeys, groupOf, keysOf), lastKeys);
    changes
        .repartition(
            Repartitioned.<String, Changes>as(name + "-by-group")
                .withKeySerde(Serdes.String())
                .withValueSerde(EventSerdes.serde(Changes.class)))
        .process(() -> new Sums(counters), counters);
  }

  /** A group's counters from a counters store. */
  static Counts of(ReadOnlyKeyValueStore<String, Long> counters, String group) {
    var counts = new TreeMap<String, Long>();
    String prefix = group + SEPARATOR;
    try (var entries = counters.prefixScan(prefix, Serdes.String().serializer())) {
      // With several partitions' stores behind one view a counter may come more than once.
      entries.forEachRemaining(
          entry -> counts.merge(entry.key.substring(prefix.length()), entry.value, Long::sum));
    }
    counts.values().removeIf(value -> value == 0);
    return new Counts(counts);
  }

  /** Per ticket: what its new facts change in the counters, against the keys it last added. */
  private static final class ChangedKeys
      implements Processor<String, TicketFacts, String, Changes> {

    private final String storeName;
    private final Function<TicketFacts, String> groupOf;
    private final Function<TicketFacts, List<String>> keysOf;
    private ProcessorContext<String, Changes> context;
    private KeyValueStore<String, LastKeys> last;

    ChangedKeys(
        String storeName,
        Function<TicketFacts, String> groupOf,
        Function<TicketFacts, List<String>> keysOf) {
      this.storeName = storeName;
      this.groupOf = groupOf;
      this.keysOf = keysOf;
    }

    @Override
    public void init(ProcessorContext<String, Changes> context) {
      this.context = context;
      this.last = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, TicketFacts> record) {
      var before = last.get(record.key());
      var facts = record.value();
      String group = facts == null ? null : groupOf.apply(facts);
      var now = group == null ? null : new LastKeys(group, keysOf.apply(facts));
      if (before != null && now != null && before.group().equals(now.group())) {
        var added = minus(now.keys(), before.keys());
        var removed = minus(before.keys(), now.keys());
        if (!added.isEmpty() || !removed.isEmpty()) {
          context.forward(record.withKey(group).withValue(new Changes(added, removed)));
        }
      } else {
        if (before != null) {
          context.forward(
              record.withKey(before.group()).withValue(new Changes(List.of(), before.keys())));
        }
        if (now != null) {
          context.forward(record.withKey(group).withValue(new Changes(now.keys(), List.of())));
        }
      }
      if (!Objects.equals(before, now)) {
        if (now == null) {
          last.delete(record.key());
        } else {
          last.put(record.key(), now);
        }
      }
    }

    /** {@code from} without {@code less}, as multisets: a key may be counted twice. */
    private static List<String> minus(List<String> from, List<String> less) {
      Map<String, Integer> remaining = new HashMap<>();
      less.forEach(key -> remaining.merge(key, 1, Integer::sum));
      var result = new ArrayList<String>();
      for (String key : from) {
        if (remaining.getOrDefault(key, 0) > 0) {
          remaining.merge(key, -1, Integer::sum);
        } else {
          result.add(key);
        }
      }
      return result;
    }
  }

  /** Per group: applies changes to the counters, one entry per counter. */
  private static final class Sums implements Processor<String, Changes, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, Long> counters;

    Sums(String storeName) {
      this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.counters = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Changes> record) {
      var changes = record.value();
      if (record.key() == null || changes == null) {
        return;
      }
      changes.added().forEach(key -> add(record.key(), key, 1));
      changes.removed().forEach(key -> add(record.key(), key, -1));
    }

    private void add(String group, String key, long delta) {
      String counter = group + SEPARATOR + key;
      Long value = counters.get(counter);
      long next = (value == null ? 0 : value) + delta;
      if (next == 0) {
        counters.delete(counter);
      } else {
        counters.put(counter, next);
      }
    }
  }
}
