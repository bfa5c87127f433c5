package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.Priority;
import com.google.re2j.Pattern;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

/**
 * One compiled rule, shaped like the YAML: {@code when} it applies and {@code then} what it
 * decides. Only the rule set evaluates {@code when}; the engine reads {@code then}.
 */
public record Rule(String id, String description, When when, Then then) {

  /**
   * The conditions, all of which must hold. Word conditions refer to phrase indexes of the rule
   * set's single matcher, so evaluating a rule is a few array look-ups. Null or empty means "no
   * condition". The regex is RE2's (RE2/J): it runs in time linear in the content, so no pattern
   * can make a ticket take for ever.
   */
  record When(
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
      MonthDay seasonTo) {

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

    /** Whether these conditions look at the content rather than trusting the operator. */
    boolean readsContent() {
      return !requiresOperatorTopic && operatorTopics.isEmpty();
    }

    private boolean inSeason(MonthDay day) {
      return seasonFrom.isAfter(seasonTo)
          ? !day.isBefore(seasonFrom) || !day.isAfter(seasonTo)
          : !day.isBefore(seasonFrom) && !day.isAfter(seasonTo);
    }
  }

  /**
   * What the rule decides. Null {@code primary}, {@code assist} and {@code limit} leave them to the
   * catalog's entry for the topic; {@code primary} and {@code assist} may name {@code district}.
   */
  public record Then(
      String topic,
      boolean useOperatorTopic,
      String primary,
      List<String> assist,
      Catalog.TimeLimit limit,
      Priority priority,
      boolean direct,
      boolean triage) {

    /** Only a topic: the catalog's units and time limit, normal priority. */
    public static Then topicOnly(String topic) {
      return new Then(topic, false, null, null, null, Priority.NORMAL, false, false);
    }
  }

  boolean matches(TicketFacts facts) {
    return when.matches(facts);
  }

  /** Whether this rule looks at the content rather than trusting the operator. */
  boolean readsContent() {
    return when.readsContent();
  }

  /** The topic this rule assigns, given the operator's choice. */
  public String topicFor(TicketFacts facts) {
    return then.useOperatorTopic() ? facts.operatorTopic() : then.topic();
  }
}
