package cn.gov.xining.hotline.benchmarks;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.testsupport.SampleComplaints;
import cn.gov.xining.hotline.testsupport.SampleComplaints.Complaint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Operators' tickets in the proportions of a winter week in Xining, from the published figures in
 * {@code shared/README.md}: channels as in the week of 22–28 January (6,665 of 6,736 by phone);
 * answered on the call vs transferred, and the transferred topics, as in the daily report of 31
 * January (602 of 983 answered directly; of the 381 transferred, wage disputes 70, heating 51,
 * traffic order 42, the rest spread over the other topics). Texts, addresses and their lengths are
 * the customer's labelled sample complaints of each topic; routing reads the text, as it does for a
 * real call. Seeded, so every run posts the same tickets.
 */
final class WinterWeek {

  private static final Map<String, Integer> CHANNELS =
      Map.of(
          "hotline-phone", 6665,
          "city-portal", 32,
          "wechat-snapshot", 18,
          "province-portal", 9,
          "people-cn", 6,
          "gov-cn", 5,
          "national-platform", 1);

  private static final int ANSWERED_DIRECTLY = 602;
  private static final int TRANSFERRED = 381;
  private static final Map<String, Integer> HOT_TOPICS =
      Map.of("wage-arrears", 70, "heating", 51, "traffic-order", 42);

  private WinterWeek() {}

  /** {@code count} request bodies for {@code POST /api/tickets}. */
  static List<String> tickets(int count) {
    var random = new Random(20260131);
    var byTopic =
        SampleComplaints.load().stream()
            .collect(Collectors.groupingBy(sample -> sample.expected().topic()));
    var otherTopics =
        byTopic.keySet().stream().filter(topic -> !HOT_TOPICS.containsKey(topic)).sorted().toList();
    int others = TRANSFERRED - HOT_TOPICS.values().stream().mapToInt(Integer::intValue).sum();
    var bodies = new ArrayList<String>(count);
    for (int i = 0; i < count; i++) {
      var body = new LinkedHashMap<String, Object>();
      body.put("channel", weighted(CHANNELS, random));
      boolean direct = random.nextInt(ANSWERED_DIRECTLY + TRANSFERRED) < ANSWERED_DIRECTLY;
      String topic;
      if (direct) {
        topic = "policy-consultation";
      } else {
        int pick = random.nextInt(TRANSFERRED);
        topic = null;
        for (var hot : HOT_TOPICS.entrySet()) {
          if (pick < hot.getValue()) {
            topic = hot.getKey();
            break;
          }
          pick -= hot.getValue();
        }
        if (topic == null) {
          topic = otherTopics.get(pick * otherTopics.size() / others);
        }
      }
      var samples = byTopic.get(topic);
      Complaint sample = samples.get(random.nextInt(samples.size()));
      body.put("appealType", direct ? "CONSULTATION" : "COMPLAINT");
      body.put("content", sample.text());
      body.put("address", sample.address());
      body.put("callerPhone", "139%08d".formatted(random.nextInt(100_000_000)));
      if (direct) {
        body.put("answeredOnCall", true);
        body.put("answer", "已按现行政策当场解答，来电人表示清楚。");
      }
      bodies.add(EventJson.MAPPER.writeValueAsString(body));
    }
    return bodies;
  }

  private static String weighted(Map<String, Integer> weights, Random random) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    int pick = random.nextInt(total);
    for (var entry : weights.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      if (pick < entry.getValue()) {
        return entry.getKey();
      }
      pick -= entry.getValue();
    }
    throw new IllegalStateException("unreachable");
  }
}
