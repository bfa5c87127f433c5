package cn.gov.xining.hotline.reporting.daily;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One day's counters, {@code DIMENSION|value -> count}. Adding and subtracting the same increments
 * cancel out, which is how a corrected event (a repeated ticket, a triaged ticket dispatched by
 * hand) replaces the old one in the figures.
 */
record Counts(Map<String, Long> counts) {

  Counts {
    counts = new TreeMap<>(counts == null ? Map.of() : counts);
  }

  static Counts none() {
    return new Counts(Map.of());
  }

  Counts plus(List<String> keys) {
    return add(keys, 1);
  }

  Counts minus(List<String> keys) {
    return add(keys, -1);
  }

  long get(String key) {
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
