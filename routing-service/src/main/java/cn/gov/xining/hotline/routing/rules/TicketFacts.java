package cn.gov.xining.hotline.routing.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What rules look at for one ticket: its fields, its Asia/Shanghai day, its district (given or
 * inferred) and which of the rule set's phrases occur in its content. Made by {@link
 * CompiledRuleSet#factsOf}, because the phrase indexes are that rule set's.
 */
public record TicketFacts(
    String content,
    String channel,
    String appealType,
    String operatorTopic,
    String districtCode,
    LocalDate day,
    boolean[] phraseHits) {

  boolean hitsAny(int[] phrases) {
    for (int phrase : phrases) {
      if (phraseHits[phrase]) {
        return true;
      }
    }
    return false;
  }

  /** The phrases among these that occur, for the explanation. */
  List<Integer> hitsAmong(int[] phrases) {
    var found = new ArrayList<Integer>();
    for (int phrase : phrases) {
      if (phraseHits[phrase]) {
        found.add(phrase);
      }
    }
    return found;
  }
}
