package cn.gov.xining.hotline.routing.rules;

import java.util.List;

/** A rule set that must not become active, with every problem found. */
public class InvalidRuleSetException extends RuntimeException {

  private final List<String> problems;

  InvalidRuleSetException(List<String> problems) {
    super("invalid rule set: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
