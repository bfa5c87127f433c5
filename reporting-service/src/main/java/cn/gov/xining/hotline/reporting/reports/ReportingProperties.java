package cn.gov.xining.hotline.reporting.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the reports are drawn up.
 *
 * @param dailyHotTopics how many hot topics the daily report lists
 * @param weeklyHotTopics how many the weekly report lists
 * @param minimumCases a unit's rate is shown only from this many cases on; fewer give "—"
 * @param concentrationMinimum an address is a concentration only with at least this many of a
 *     topic's complaints
 * @param concentrationShare and at least this share of them
 */
@ConfigurationProperties("hotline.reporting")
public record ReportingProperties(
    @DefaultValue("3") int dailyHotTopics,
    @DefaultValue("5") int weeklyHotTopics,
    @DefaultValue("5") int minimumCases,
    @DefaultValue("3") int concentrationMinimum,
    @DefaultValue("0.3") double concentrationShare) {

  static ReportingProperties defaults() {
    return new ReportingProperties(3, 5, 5, 3, 0.3);
  }
}
