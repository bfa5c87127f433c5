package cn.gov.xining.hotline.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.testsupport.SampleComplaints;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Routes the labelled samples with the production rules and prints a confusion summary. The floors
 * are the issue's: topic ≥ 90%, lead unit ≥ 92%, district ≥ 95% (a null label counts as right only
 * when routing also says "unknown").
 */
class RoutingAccuracyTest {

  @Test
  void theDefaultRulesRouteTheSampleComplaintsAboveTheAgreedFloors() {
    var engine = Fixtures.defaultEngine();
    var samples = SampleComplaints.load();
    int topicRight = 0;
    int primaryRight = 0;
    int districtRight = 0;
    var confusion = new TreeMap<String, Integer>();
    var misses = new StringBuilder();
    for (var sample : samples) {
      var ticket =
          Fixtures.ticket(sample.text(), sample.address(), null, null, "2026-01-31T10:00:00+08:00");
      var decision = engine.decide(ticket);
      var expected = sample.expected();
      boolean topic = Objects.equals(expected.topic(), decision.topicCode());
      boolean primary = Objects.equals(expected.primary(), decision.primaryUnit());
      boolean district = Objects.equals(expected.district(), decision.districtCode());
      topicRight += topic ? 1 : 0;
      primaryRight += primary ? 1 : 0;
      districtRight += district ? 1 : 0;
      if (!topic) {
        confusion.merge(expected.topic() + " -> " + decision.topicCode(), 1, Integer::sum);
      }
      if (!topic || !primary || !district) {
        misses.append(
            "%s expected %s/%s/%s got %s/%s/%s by %s: %s%n"
                .formatted(
                    sample.id(),
                    expected.topic(),
                    expected.primary(),
                    expected.district(),
                    decision.topicCode(),
                    decision.primaryUnit(),
                    decision.districtCode(),
                    decision.ruleId(),
                    sample.text()));
      }
    }
    double n = samples.size();
    System.out.printf(
        "routing accuracy on %d samples: topic %.1f%%, primary %.1f%%, district %.1f%%%n",
        samples.size(), 100 * topicRight / n, 100 * primaryRight / n, 100 * districtRight / n);
    System.out.println("topic confusions (expected -> got): " + confusion);
    System.out.print(misses);

    assertThat(topicRight / n).as("topic accuracy").isGreaterThanOrEqualTo(0.90);
    assertThat(primaryRight / n).as("primary unit accuracy").isGreaterThanOrEqualTo(0.92);
    assertThat(districtRight / n).as("district accuracy").isGreaterThanOrEqualTo(0.95);
  }
}
