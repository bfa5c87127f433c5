package cn.gov.xining.hotline.reporting.daily;

/** What a daily count is broken down by. */
enum Dimension {
  TOTAL,
  CHANNEL,
  OUTCOME,
  TOPIC,
  DISTRICT,
  UNIT;

  /** Store keys are {@code <yyyy-MM-dd>|<dimension>|<value>}, so one day is one prefix scan. */
  String key(java.time.LocalDate day, String value) {
    return day + "|" + name() + "|" + value;
  }

  static String dayPrefix(java.time.LocalDate day) {
    return day + "|";
  }
}
