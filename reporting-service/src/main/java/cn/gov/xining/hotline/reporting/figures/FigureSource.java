package cn.gov.xining.hotline.reporting.figures;

import java.time.LocalDate;

/**
 * The figures the reports are drawn from: reporting's stores in production, a test driver's in a
 * test.
 */
public interface FigureSource {

  /** The counters of the tickets received that Asia/Shanghai day. */
  Counts day(LocalDate day);

  /** Callbacks made that day, whenever their tickets were received. */
  long callbacksOn(LocalDate day);

  /** The counters of a batch, e.g. a central inspection batch. */
  Counts batch(String label);
}
