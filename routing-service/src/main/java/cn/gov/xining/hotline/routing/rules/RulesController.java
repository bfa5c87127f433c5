package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules over REST: what is in force, replacing it without a restart, and a dry run that
 * explains what would happen to a complaint without publishing anything.
 */
@RestController
@RequestMapping("/api/routing")
class RulesController {

  private final ActiveRuleSet rules;
  private final RuleEngine engine;
  private final Catalog catalog;
  private final Clock clock;

  RulesController(ActiveRuleSet rules, RuleEngine engine, Catalog catalog, Clock clock) {
    this.rules = rules;
    this.engine = engine;
    this.catalog = catalog;
    this.clock = clock;
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

  /**
   * A complaint to try: the same fields as an intake ticket; {@code receivedAt} defaults to now.
   */
  record DryRunRequest(
      String content,
      String address,
      String channel,
      String appealType,
      String districtCode,
      String topicCode,
      OffsetDateTime receivedAt) {}

  @PostMapping(value = "/dry-run", consumes = MediaType.APPLICATION_JSON_VALUE)
  RoutingDecision dryRun(@RequestBody DryRunRequest request) {
    if (request.content() == null || request.content().isBlank()) {
      throw new IllegalArgumentException("content is required");
    }
    if (request.appealType() != null
        && Arrays.stream(AppealType.values())
            .noneMatch(t -> t.name().equals(request.appealType()))) {
      throw new IllegalArgumentException("unknown appealType " + request.appealType());
    }
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            "dry-run",
            request.receivedAt() != null ? request.receivedAt() : HotlineTime.now(clock),
            request.channel() != null ? request.channel() : "hotline-phone",
            request.appealType() == null ? null : AppealType.valueOf(request.appealType()),
            request.content(),
            request.address(),
            request.districtCode(),
            request.topicCode());
    return engine.decide(ticket);
  }
}
