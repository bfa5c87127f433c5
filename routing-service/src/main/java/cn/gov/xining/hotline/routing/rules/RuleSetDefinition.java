package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.Priority;
import java.util.List;

/** A rule set as written in YAML, before validation. Absent lists are empty, absent flags false. */
record RuleSetDefinition(String version, List<RuleDefinition> rules) {

  record RuleDefinition(String id, String description, When when, Then then) {}

  record When(
      Boolean operatorTopicGiven,
      List<String> operatorTopics,
      List<String> anyOf,
      List<List<String>> allOf,
      List<String> noneOf,
      String regex,
      List<String> channels,
      List<String> appealTypes,
      List<String> districts,
      Season season) {}

  /** Month-day bounds, inclusive; {@code from} after {@code to} wraps the new year. */
  record Season(String from, String to) {}

  record Then(
      String topic,
      Boolean useOperatorTopic,
      String primary,
      List<String> assist,
      Catalog.TimeLimit limit,
      Priority priority,
      Boolean direct,
      Boolean triage) {}
}
