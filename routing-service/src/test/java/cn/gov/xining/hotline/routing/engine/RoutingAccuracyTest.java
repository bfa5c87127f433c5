package cn.gov.xining.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.testsupport.SampleComplaints;
import cn.gov.xining.hotline.testsupport.SampleComplaints.Complaint;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Routes labelled complaints with the production rules and prints a confusion summary. The floors
 * on the customer's samples are the issue's: topic ≥ 90%, lead unit ≥ 92%, district ≥ 95% (a null
 * district label counts as right only when routing also says "unknown"). Two more sets were written
 * blind, without sight of the rules or the samples: the first measured 87% topic, 89% lead unit,
 * 100% district before it was used to correct rules (so it is no longer blind); the second has
 * never been used for tuning and is the honest measure of generalisation.
 */
class RoutingAccuracyTest {

  private final Router engine = Fixtures.defaultEngine();

  record Accuracy(double topic, double primary, double district) {}

  @Test
  void theDefaultRulesRouteTheCustomersSamplesAboveTheAgreedFloors() {
    var accuracy = measure("samples", SampleComplaints.load());

    assertThat(accuracy.topic()).as("topic accuracy").isGreaterThanOrEqualTo(0.90);
    assertThat(accuracy.primary()).as("primary unit accuracy").isGreaterThanOrEqualTo(0.92);
    assertThat(accuracy.district()).as("district accuracy").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theDefaultRulesGeneraliseToComplaintsWrittenWithoutSightOfThem() {
    var accuracy =
        measure("hold-out", SampleComplaints.fromClasspath("samples/complaints-holdout.jsonl"));

    assertThat(accuracy.topic()).as("topic accuracy").isGreaterThanOrEqualTo(0.85);
    assertThat(accuracy.primary()).as("primary unit accuracy").isGreaterThanOrEqualTo(0.85);
    assertThat(accuracy.district()).as("district accuracy").isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void theDefaultRulesGeneraliseToASecondBlindSetNeverUsedForTuning() {
    var accuracy =
        measure("blind", SampleComplaints.fromClasspath("samples/complaints-holdout-2.jsonl"));

    // Measured blind at 79% topic and lead unit with rules alone, 85% with the learned fallback
    // (its margin chosen beforehand on its training data), 100% district; most misses go to
    // triage rather than to a wrong unit. The floor guards against regressions.
    assertThat(accuracy.topic()).as("topic accuracy").isGreaterThanOrEqualTo(0.80);
    assertThat(accuracy.primary()).as("primary unit accuracy").isGreaterThanOrEqualTo(0.80);
    assertThat(accuracy.district()).as("district accuracy").isGreaterThanOrEqualTo(0.95);
  }

  private Accuracy measure(String name, List<Complaint> complaints) {
    int topicRight = 0;
    int primaryRight = 0;
    int districtRight = 0;
    var confusion = new TreeMap<String, Integer>();
    var misses = new StringBuilder();
    for (var complaint : complaints) {
      var decision =
          engine.decide(
              Fixtures.ticket(
                  complaint.text(), complaint.address(), null, null, "2026-01-31T10:00:00+08:00"));
      var expected = complaint.expected();
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
            "  %s expected %s/%s/%s got %s/%s/%s by %s: %s | %s%n"
                .formatted(
                    complaint.id(),
                    expected.topic(),
                    expected.primary(),
                    expected.district(),
                    decision.topicCode(),
                    decision.primaryUnit(),
                    decision.districtCode(),
                    decision.ruleId(),
                    complaint.address(),
                    complaint.text()));
      }
    }
    double n = complaints.size();
    var accuracy = new Accuracy(topicRight / n, primaryRight / n, districtRight / n);
    System.out.printf(
        "routing accuracy on %d %s: topic %.1f%%, primary %.1f%%, district %.1f%%%n",
        complaints.size(),
        name,
        100 * accuracy.topic(),
        100 * accuracy.primary(),
        100 * accuracy.district());
    System.out.println("topic confusions (expected -> got): " + confusion);
    System.out.print(misses);
    return accuracy;
  }
}
