package cn.gov.xining.hotline.reporting.figures;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures the reports are drawn from: reporting's stores in production, a test driver's in a
 * test.
 */
public interface FigureSource {

  /** The counters of the tickets received that Asia/Shanghai day. */
  Counts day(LocalDate day);

  /**
   * The counters of each day from {@code from} to {@code to}, both included, in order: one request
   * per instance holding some of the days, where {@link #day} would be one per day.
   */
  default SortedMap<LocalDate, Counts> days(LocalDate from, LocalDate to) {
    var days = new TreeMap<LocalDate, Counts>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.put(day, day(day));
    }
    return days;
  }

  /** Callbacks made that day, whenever their tickets were received. */
  long callbacksOn(LocalDate day);

  /** The counters of a batch, e.g. a central inspection batch. */
  Counts batch(String label);
}
