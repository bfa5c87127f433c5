package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import com.google.re2j.Pattern;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

/**
 * One compiled rule. Word conditions refer to phrase indexes of the rule set's single matcher, so
 * evaluating a rule is a few array look-ups. Null or empty means "no condition". The regex is RE2's
 * (RE2/J): it runs in time linear in the content, so no pattern can make a ticket take for ever.
 */
record Rule(
    String id,
    String description,
    boolean requiresOperatorTopic,
    Set<String> operatorTopics,
    int[] anyOf,
    int[][] allOf,
    int[] noneOf,
    Pattern regex,
    Set<String> channels,
    Set<String> appealTypes,
    Set<String> districts,
    MonthDay seasonFrom,
    MonthDay seasonTo,
    String topic,
    boolean useOperatorTopic,
    String primary,
    List<String> assist,
    Catalog.TimeLimit limit,
    Priority priority,
    boolean direct,
    boolean triage) {

  static final String LEARNED_FALLBACK = "learned-fallback";

  /** The learned fallback's proposal, shaped as a rule so the engine treats it like one. */
  static Rule learned(TopicClassifier.Guess guess, String topicName, String runnerUpName) {
    return new Rule(
        LEARNED_FALLBACK,
        "无规则命中，统计分类兜底：与已标注的「%s」诉求最相似，可能性约为「%s」的%.0f倍"
            .formatted(topicName, runnerUpName, Math.exp(guess.margin())),
        false,
        Set.of(),
        new int[0],
        new int[0][],
        new int[0],
        null,
        Set.of(),
        Set.of(),
        Set.of(),
        null,
        null,
        guess.topic(),
        false,
        null,
        null,
        null,
        Priority.NORMAL,
        false,
        false);
  }

  boolean learned() {
    return LEARNED_FALLBACK.equals(id);
  }

  boolean matches(TicketFacts facts) {
    if (requiresOperatorTopic && facts.operatorTopic() == null) {
      return false;
    }
    if (!operatorTopics.isEmpty() && !operatorTopics.contains(facts.operatorTopic())) {
      return false;
    }
    if (!channels.isEmpty() && !channels.contains(facts.channel())) {
      return false;
    }
    if (!appealTypes.isEmpty() && !appealTypes.contains(facts.appealType())) {
      return false;
    }
    if (!districts.isEmpty() && !districts.contains(facts.districtCode())) {
      return false;
    }
    if (seasonFrom != null && !inSeason(MonthDay.from(facts.day()))) {
      return false;
    }
    if (anyOf.length > 0 && !facts.hitsAny(anyOf)) {
      return false;
    }
    for (int[] group : allOf) {
      if (!facts.hitsAny(group)) {
        return false;
      }
    }
    if (noneOf.length > 0 && facts.hitsAny(noneOf)) {
      return false;
    }
    return regex == null || regex.matcher(facts.content()).find();
  }

  /** The topic this rule assigns, given the operator's choice. */
  String topicFor(TicketFacts facts) {
    return useOperatorTopic ? facts.operatorTopic() : topic;
  }

  /** Whether this rule looks at the content rather than trusting the operator. */
  boolean readsContent() {
    return !requiresOperatorTopic && operatorTopics.isEmpty();
  }

  private boolean inSeason(MonthDay day) {
    return seasonFrom.isAfter(seasonTo)
        ? !day.isBefore(seasonFrom) || !day.isAfter(seasonTo)
        : !day.isBefore(seasonFrom) && !day.isAfter(seasonTo);
  }
}
