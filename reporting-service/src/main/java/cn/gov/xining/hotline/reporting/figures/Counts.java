package cn.gov.xining.hotline.reporting.figures;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One day's counters, {@code DIMENSION|value -> count}. Adding and subtracting the same increments
 * cancel out, which is how a corrected event (a repeated ticket, a triaged ticket dispatched by
 * hand) replaces the old one in the figures.
 */
public record Counts(TreeMap<String, Long> counts) {

  public Counts {
    counts = new TreeMap<>(counts == null ? Map.of() : counts);
  }

  public static Counts none() {
    return new Counts(new TreeMap<>());
  }

  Counts plus(List<String> keys) {
    return add(keys, 1);
  }

  Counts minus(List<String> keys) {
    return add(keys, -1);
  }

  /** Both days' (or weeks') counters added up. */
  public Counts and(Counts other) {
    var sum = new TreeMap<>(counts);
    other.counts.forEach((key, value) -> sum.merge(key, value, Long::sum));
    return new Counts(sum);
  }

  /** The counters {@code <prefix>|<rest>}, by rest. */
  public Map<String, Long> under(String prefix) {
    var found = new TreeMap<String, Long>();
    counts
        .subMap(prefix + "|", prefix + "|\uffff")
        .forEach((key, value) -> found.put(key.substring(prefix.length() + 1), value));
    return found;
  }

  public long get(String key) {
    return counts.getOrDefault(key, 0L);
  }

  private Counts add(List<String> keys, long delta) {
    var next = new TreeMap<>(counts);
    for (String key : keys) {
      long value = next.getOrDefault(key, 0L) + delta;
      if (value == 0) {
        next.remove(key);
      } else {
        next.put(key, value);
      }
    }
    return new Counts(next);
  }
}
