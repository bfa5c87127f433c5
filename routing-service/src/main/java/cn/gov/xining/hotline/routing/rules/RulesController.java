package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.security.Caller;
import java.time.OffsetDateTime;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules over REST: what is in force, and replacing it without a restart. Trying a complaint
 * against them is the engine's dry run ({@code POST /api/routing/dry-run}).
 */
@RestController
@RequestMapping("/api/routing")
class RulesController {

  private final ActiveRuleSet rules;
  private final RuleSetDistribution distribution;

  RulesController(ActiveRuleSet rules, RuleSetDistribution distribution) {
    this.rules = rules;
    this.distribution = distribution;
  }

  /**
   * The rule set in force.
   *
   * @param changedBy who put it over the API; null for the shipped set or the active file's
   * @param changedAt when; null likewise
   */
  record RuleSetSummary(
      String version, int rules, String source, String changedBy, OffsetDateTime changedAt) {}

  @GetMapping("/rules")
  RuleSetSummary active() {
    var current = rules.current();
    var published = distribution.inForce();
    return new RuleSetSummary(
        current.version(),
        current.rules().size(),
        current.source(),
        published.map(PublishedRuleSet::changedBy).orElse(null),
        published.map(PublishedRuleSet::changedAt).orElse(null));
  }

  @PutMapping(
      value = "/rules",
      consumes = {
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        MediaType.TEXT_PLAIN_VALUE
      })
  RuleSetSummary replace(@RequestBody String yaml, Caller caller) {
    // Answered once written to routing-rules and in force here; the other instances follow it.
    distribution.publish(yaml, caller.name());
    return active();
  }
}
