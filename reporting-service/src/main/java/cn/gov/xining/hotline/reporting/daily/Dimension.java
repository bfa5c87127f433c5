package cn.gov.xining.hotline.reporting.daily;

/** What a daily count is broken down by. */
enum Dimension {
  TOTAL,
  CHANNEL,
  OUTCOME,
  TOPIC,
  DISTRICT,
  UNIT;

  /** Counter keys are {@code <dimension>|<value>} within one day's {@link Counts}. */
  String key(String value) {
    return name() + "|" + value;
  }
}
