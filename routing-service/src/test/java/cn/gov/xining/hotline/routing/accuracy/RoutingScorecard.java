package cn.gov.xining.hotline.routing.accuracy;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.testsupport.SampleComplaints.Complaint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures 派单准确率 is judged by, over labelled complaints, as issue 16 counts them: a ticket in
 * triage is neither right nor wrong on topic and unit (nobody has routed it yet), but it is on
 * district; a transfer to another lead unit than the label's is a wrong transfer; a ticket closed
 * as answered directly (直接办理) although its label needs a unit is the worst outcome.
 */
public final class RoutingScorecard {

  /** What routing decided for one complaint. */
  public record Routed(RoutingOutcome outcome, String topic, String primary, String district) {}

  private final String name;
  private int complaints;
  private int topicRight;
  private int primaryRight;
  private int districtRight;
  private int triaged;
  private int wrongTransfers;
  private int closedDirectlyInError;
  private final TreeMap<String, Integer> confusion = new TreeMap<>();
  private final List<String> misses = new ArrayList<>();

  public RoutingScorecard(String name) {
    this.name = name;
  }

  public void add(Complaint complaint, Routed routed) {
    var expected = complaint.expected();
    complaints++;
    boolean routedByNow = routed.outcome() != RoutingOutcome.TRIAGE;
    boolean topic = routedByNow && Objects.equals(expected.topic(), routed.topic());
    boolean primary = routedByNow && Objects.equals(expected.primary(), routed.primary());
    boolean district = Objects.equals(expected.district(), routed.district());
    topicRight += topic ? 1 : 0;
    primaryRight += primary ? 1 : 0;
    districtRight += district ? 1 : 0;
    triaged += routedByNow ? 0 : 1;
    boolean needsAUnit = !Catalog.HOTLINE_UNIT.equals(expected.primary());
    if (routed.outcome() == RoutingOutcome.TRANSFER && !primary) {
      wrongTransfers++;
    }
    if (routed.outcome() == RoutingOutcome.DIRECT && needsAUnit) {
      closedDirectlyInError++;
    }
    if (routedByNow && !topic) {
      confusion.merge(expected.topic() + " -> " + routed.topic(), 1, Integer::sum);
    }
    if (!topic || !primary || !district) {
      misses.add(
          "  %s expected %s/%s/%s got %s %s/%s/%s: %s | %s"
              .formatted(
                  complaint.id(),
                  expected.topic(),
                  expected.primary(),
                  expected.district(),
                  routed.outcome(),
                  routed.topic(),
                  routed.primary(),
                  routed.district(),
                  complaint.address(),
                  complaint.text()));
    }
  }

  public double topic() {
    return share(topicRight);
  }

  public double leadUnit() {
    return share(primaryRight);
  }

  public double district() {
    return share(districtRight);
  }

  public double triage() {
    return share(triaged);
  }

  public double wrongTransfers() {
    return share(wrongTransfers);
  }

  public int closedDirectlyInError() {
    return closedDirectlyInError;
  }

  /** One line a reader can compare with issue 16's targets, then the confusions and the misses. */
  public String report() {
    return ("routing on %d %s: topic %.1f%%, lead unit %.1f%%, district %.1f%%, triage %.1f%%,"
            + " wrong transfers %.1f%%, closed directly in error %d%n"
            + "topic confusions (expected -> got): %s%n%s%n")
        .formatted(
            complaints,
            name,
            100 * topic(),
            100 * leadUnit(),
            100 * district(),
            100 * triage(),
            100 * wrongTransfers(),
            closedDirectlyInError,
            confusion,
            String.join("\n", misses));
  }

  private double share(int count) {
    return complaints == 0 ? 0 : count / (double) complaints;
  }
}
