package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.routing.text.PhraseMatcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses and validates a rule set against the catalog. Everything wrong is collected and reported
 * at once, so whoever edits the rules fixes them in one round; nothing half-valid becomes active.
 */
@Component
public class RuleSetCompiler {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /**
   * Instructions of a rule's compiled regex. Matching costs up to this much per character of
   * content; a pattern of a few hundred characters of alternatives stays well below.
   */
  static final int MAX_REGEX_PROGRAM = 2_000;

  private final Catalog catalog;

  public RuleSetCompiler(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The rule set the YAML describes; throws {@link InvalidRuleSetException} with every problem. */
  public CompiledRuleSet compile(String yaml) {
    RuleSetDefinition definition;
    try {
      definition = YAML.readValue(yaml, RuleSetDefinition.class);
    } catch (JacksonException e) {
      throw new InvalidRuleSetException(
          List.of("not a readable rule set: " + e.getOriginalMessage()));
    }
    if (definition == null) {
      throw new InvalidRuleSetException(List.of("the rule set is empty"));
    }
    var problems = new ArrayList<String>();
    if (isBlank(definition.version())) {
      problems.add("version is required");
    }
    if (definition.rules() == null || definition.rules().isEmpty()) {
      problems.add("rules are required");
      throw new InvalidRuleSetException(problems);
    }
    Map<String, Integer> phraseIndex = new LinkedHashMap<>();
    var ids = new HashSet<String>();
    var rules = new ArrayList<Rule>();
    for (int i = 0; i < definition.rules().size(); i++) {
      var rule = definition.rules().get(i);
      String where = "rule " + (i + 1) + (rule.id() == null ? "" : " (" + rule.id() + ")");
      int before = problems.size();
      if (isBlank(rule.id())) {
        problems.add(where + ": id is required");
      } else if (!ids.add(rule.id())) {
        problems.add(where + ": id is used twice");
      }
      if (rule.when() == null || rule.then() == null) {
        problems.add(where + ": needs both when and then");
        continue;
      }
      var compiled = compileRule(rule, where, phraseIndex, problems);
      if (problems.size() == before) {
        rules.add(compiled);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
    return new CompiledRuleSet(
        definition.version(),
        List.copyOf(rules),
        new PhraseMatcher(List.copyOf(phraseIndex.keySet())),
        yaml);
  }

  private Rule compileRule(
      RuleSetDefinition.RuleDefinition rule,
      String where,
      Map<String, Integer> phraseIndex,
      List<String> problems) {
    var when = rule.when();
    var then = rule.then();
    boolean requiresOperatorTopic = Boolean.TRUE.equals(when.operatorTopicGiven());
    var operatorTopics =
        codes(when.operatorTopics(), "operatorTopics", where, this::isTopic, problems);
    var channels =
        codes(when.channels(), "channels", where, c -> catalog.channel(c).isPresent(), problems);
    var appealTypes =
        codes(
            when.appealTypes(),
            "appealTypes",
            where,
            t -> Arrays.stream(AppealType.values()).anyMatch(a -> a.name().equals(t)),
            problems);
    var districts =
        codes(when.districts(), "districts", where, d -> catalog.district(d).isPresent(), problems);
    int[] anyOf = phrases(when.anyOf(), "anyOf", where, phraseIndex, problems);
    var allOfGroups = when.allOf() == null ? List.<List<String>>of() : when.allOf();
    int[][] allOf = new int[allOfGroups.size()][];
    for (int g = 0; g < allOfGroups.size(); g++) {
      allOf[g] =
          phrases(allOfGroups.get(g), "allOf group " + (g + 1), where, phraseIndex, problems);
      if (allOf[g].length == 0) {
        problems.add(where + ": allOf group " + (g + 1) + " is empty");
      }
    }
    int[] noneOf = phrases(when.noneOf(), "noneOf", where, phraseIndex, problems);
    Pattern regex = regex(when.regex(), where, problems);
    MonthDay from = null;
    MonthDay to = null;
    if (when.season() != null) {
      try {
        from = MonthDay.parse("--" + when.season().from());
        to = MonthDay.parse("--" + when.season().to());
      } catch (DateTimeParseException | NullPointerException e) {
        problems.add(where + ": season needs from and to as MM-dd");
      }
    }
    boolean hasCondition =
        requiresOperatorTopic
            || !operatorTopics.isEmpty()
            || !channels.isEmpty()
            || !appealTypes.isEmpty()
            || !districts.isEmpty()
            || anyOf.length > 0
            || allOf.length > 0
            || regex != null
            || from != null;
    if (!hasCondition && noneOf.length == 0) {
      problems.add(where + ": when has no condition, so it would match every ticket");
    }

    boolean useOperatorTopic = Boolean.TRUE.equals(then.useOperatorTopic());
    boolean triage = Boolean.TRUE.equals(then.triage());
    if (useOperatorTopic && !requiresOperatorTopic && operatorTopics.isEmpty()) {
      problems.add(where + ": useOperatorTopic needs operatorTopicGiven or operatorTopics in when");
    }
    if (then.topic() == null && !useOperatorTopic && !triage) {
      problems.add(where + ": then needs a topic, useOperatorTopic or triage");
    }
    if (then.topic() != null && !isTopic(then.topic())) {
      problems.add(where + ": unknown topic " + then.topic());
    }
    if (then.primary() != null
        && !isTarget(then.primary())
        && !Catalog.HOTLINE_UNIT.equals(then.primary())) {
      problems.add(where + ": unknown primary unit " + then.primary());
    }
    var assist = then.assist() == null ? null : List.copyOf(then.assist());
    if (assist != null) {
      assist.stream()
          .filter(unit -> !isTarget(unit))
          .forEach(
              unit ->
                  problems.add(where + ": " + unit + " cannot assist (not a unit with a topic)"));
    }
    if (then.limit() != null
        && (then.limit().hours() == null) == (then.limit().workingDays() == null)) {
      problems.add(where + ": limit needs exactly one of hours or workingDays");
    } else if (then.limit() != null
        && ((then.limit().hours() != null && then.limit().hours() < 0)
            || (then.limit().workingDays() != null && then.limit().workingDays() < 1))) {
      problems.add(where + ": limit needs hours ≥ 0 or workingDays ≥ 1");
    }
    return new Rule(
        rule.id(),
        rule.description() == null ? rule.id() : rule.description(),
        new Rule.When(
            requiresOperatorTopic,
            operatorTopics,
            anyOf,
            allOf,
            noneOf,
            regex,
            channels,
            appealTypes,
            districts,
            from,
            to),
        new Rule.Then(
            then.topic(),
            useOperatorTopic,
            then.primary(),
            assist,
            then.limit(),
            then.priority() == null ? Priority.NORMAL : then.priority(),
            Boolean.TRUE.equals(then.direct()),
            triage));
  }

  /**
   * RE2 syntax, so matching is linear in the content: no backreferences or lookaround, the features
   * that let a backtracking engine take exponential time ({@code ^(a+)+\1$} on a short text).
   * Linear in the pattern's size too, so the compiled program is bounded: {@code (a{1000}){1000}}
   * is short to write but a million instructions to run over every ticket.
   */
  private static Pattern regex(String source, String where, List<String> problems) {
    if (source == null) {
      return null;
    }
    Pattern regex;
    try {
      regex = Pattern.compile(source);
    } catch (PatternSyntaxException e) {
      problems.add(
          where
              + ": regex does not compile as RE2 (no backreferences or lookaround, so matching"
              + " stays linear): "
              + e.getMessage());
      return null;
    }
    if (regex.programSize() > MAX_REGEX_PROGRAM) {
      problems.add(
          where
              + ": regex is too large: %d RE2 instructions, at most %d"
                  .formatted(regex.programSize(), MAX_REGEX_PROGRAM));
      return null;
    }
    return regex;
  }

  private static int[] phrases(
      List<String> words,
      String field,
      String where,
      Map<String, Integer> index,
      List<String> problems) {
    if (words == null) {
      return new int[0];
    }
    var ids = new int[words.size()];
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (isBlank(word)) {
        problems.add(where + ": " + field + " has an empty word");
        continue;
      }
      ids[i] = index.computeIfAbsent(word, w -> index.size());
    }
    return ids;
  }

  private static Set<String> codes(
      List<String> values,
      String field,
      String where,
      java.util.function.Predicate<String> known,
      List<String> problems) {
    if (values == null) {
      return Set.of();
    }
    values.stream()
        .filter(v -> !known.test(v))
        .forEach(v -> problems.add(where + ": unknown " + field + " code " + v));
    return Set.copyOf(values);
  }

  private boolean isTopic(String code) {
    return catalog.topic(code).isPresent();
  }

  /** A unit that can be assigned work: one with an assignment topic, or "the district". */
  private boolean isTarget(String code) {
    return Catalog.DISTRICT_TARGET.equals(code)
        || catalog.assignableUnits().stream().anyMatch(unit -> unit.code().equals(code));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
