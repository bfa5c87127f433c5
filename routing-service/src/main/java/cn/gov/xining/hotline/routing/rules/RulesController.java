package cn.gov.xining.hotline.routing.rules;

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

  RulesController(ActiveRuleSet rules) {
    this.rules = rules;
  }

  /** The rule set in force. */
  record RuleSetSummary(String version, int rules, String source) {}

  @GetMapping("/rules")
  RuleSetSummary active() {
    var current = rules.current();
    return new RuleSetSummary(current.version(), current.rules().size(), current.source());
  }

  @PutMapping(
      value = "/rules",
      consumes = {
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        MediaType.TEXT_PLAIN_VALUE
      })
  RuleSetSummary replace(@RequestBody String yaml) {
    var replaced = rules.replace(yaml);
    return new RuleSetSummary(replaced.version(), replaced.rules().size(), replaced.source());
  }
}
