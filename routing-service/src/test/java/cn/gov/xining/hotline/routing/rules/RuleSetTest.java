package cn.gov.xining.hotline.routing.rules;

import static cn.gov.xining.hotline.routing.rules.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule set alone, no router: compiling it, keeping it, and which rule matches a ticket. */
class RuleSetTest {

  private static final String WINTER = "2026-01-31T10:00:00+08:00";

  private final CompiledRuleSet small =
      Fixtures.compiler()
          .compile(
              """
              version: small-1
              rules:
                - id: operator-topic
                  when: {operatorTopicGiven: true}
                  then: {useOperatorTopic: true}
                - id: no-water
                  when: {anyOf: [停水, 没水], allOf: [[小区, 楼]]}
                  then: {topic: water-supply}
                - id: heating
                  when: {anyOf: [暖气]}
                  then: {topic: heating, priority: URGENT}
                - id: anything-wet
                  when: {anyOf: [水]}
                  then: {topic: waterlogging}
              """);

  @Test
  void aRuleSetPutOverTheApiIsStillInForceAfterARestart(@TempDir Path data) throws Exception {
    Path activeFile = data.resolve("routing/active-rules.yaml");
    Fixtures.defaultRules(activeFile)
        .replace(
            """
            version: kept-1
            rules:
              - id: water
                when: {anyOf: [水]}
                then: {topic: water-supply}
            """);

    var afterRestart = Fixtures.defaultRules(activeFile);

    assertThat(afterRestart.version()).isEqualTo("kept-1");
    assertThat(Files.readString(activeFile)).contains("kept-1");
  }

  @Test
  void aRuleSetThatAssignsWorkToTheHotlineOrGivesAnEmptyTimeLimitIsRefused() {
    assertThatThrownBy(
            () ->
                Fixtures.compiler()
                    .compile(
                        """
                        version: v
                        rules:
                          - id: wages
                            when: {anyOf: [工资]}
                            then: {topic: wage-arrears, assist: [hotline], limit: {workingDays: 0}}
                        """))
        .isInstanceOf(InvalidRuleSetException.class)
        .hasMessageContaining("hotline cannot assist")
        .hasMessageContaining("workingDays ≥ 1");
  }

  @Test
  void aNewRuleSetUnderTheVersionAlreadyInForceIsRefused(@TempDir Path data) {
    var rules = Fixtures.defaultRules(data.resolve("active.yaml"));

    assertThatThrownBy(
            () ->
                rules.replace(
                    """
                    version: xining-2026.11-2
                    rules:
                      - id: water
                        when: {anyOf: [水]}
                        then: {topic: water-supply}
                    """))
        .isInstanceOf(InvalidRuleSetException.class)
        .hasMessageContaining("already in force");
    assertThat(rules.current().rules()).hasSizeGreaterThan(1);
  }

  @Test
  void aRuleWithoutConditionsIsRefusedBecauseItWouldSwallowEveryTicket() {
    assertThatThrownBy(
            () ->
                Fixtures.compiler()
                    .compile(
                        """
                        version: v
                        rules:
                          - id: all
                            when: {}
                            then: {topic: heating}
                        """))
        .isInstanceOf(InvalidRuleSetException.class)
        .hasMessageContaining("would match every ticket");
  }

  @Test
  void aRegexWithABackreferenceOrLookaroundIsRefusedNamingTheRuleAndTheField() {
    assertThatThrownBy(
            () ->
                Fixtures.compiler()
                    .compile(
                        """
                        version: v
                        rules:
                          - id: echo
                            when: {regex: '^(a+)+\\1$'}
                            then: {topic: heating}
                          - id: look-ahead
                            when: {regex: "(?=欠)欠薪"}
                            then: {topic: wage-arrears}
                        """))
        .isInstanceOf(InvalidRuleSetException.class)
        .hasMessageContaining("rule 1 (echo): regex does not compile")
        .hasMessageContaining("rule 2 (look-ahead): regex does not compile");
  }

  @Test
  void aRegexTooLargeToRunOverEveryTicketIsRefused() {
    assertThatThrownBy(
            () ->
                Fixtures.compiler()
                    .compile(
                        """
                        version: v
                        rules:
                          - id: huge
                            when: {regex: "(a{1000}){1000}"}
                            then: {topic: heating}
                        """))
        .isInstanceOf(InvalidRuleSetException.class)
        .hasMessageContaining("rule 1 (huge): regex is too large");
  }

  @Test
  void theFirstMatchingRuleWinsInTheOrderTheRulesAreWritten() {
    var facts = small.factsOf(ticket("小区停水了，地上全是水。", null, null, null, WINTER), null);

    assertThat(small.firstMatch(facts).map(Rule::id)).hasValue("no-water");
  }

  @Test
  void theWordsHitAreTheRulesOwnWordsFoundInTheContentInTheOrderTheRuleListsThem() {
    var facts = small.factsOf(ticket("楼里没水，小区停水了。", null, null, null, WINTER), null);
    var rule = small.firstMatch(facts).orElseThrow();

    assertThat(small.wordsHit(rule, facts)).containsExactly("停水", "没水", "小区", "楼");
  }

  @Test
  void aRuleTrustingTheOperatorWinsButAContentMatchLooksOnlyAtTheContent() {
    var facts = small.factsOf(ticket("暖气不热，小区停水。", null, null, "heating", WINTER), null);

    assertThat(small.firstMatch(facts).map(Rule::id)).hasValue("operator-topic");
    assertThat(small.firstMatch(facts).orElseThrow().topicFor(facts)).isEqualTo("heating");
    assertThat(small.firstContentMatch(facts).map(Rule::id)).hasValue("no-water");
    assertThat(small.firstContentMatchFor("heating", facts).map(Rule::id)).hasValue("heating");
    assertThat(small.firstContentMatchFor("fire-hazard", facts)).isEmpty();
  }

  @Test
  void aTicketInWordsNoRuleMentionsMatchesNothing() {
    var facts = small.factsOf(ticket("我要反映一个情况。", null, null, null, WINTER), null);

    assertThat(small.firstMatch(facts)).isEmpty();
  }
}
