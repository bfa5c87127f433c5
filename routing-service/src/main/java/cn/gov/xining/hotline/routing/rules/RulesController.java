package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private final Clock clock;

  RulesController(ActiveRuleSet rules, RuleEngine engine, Clock clock) {
    this.rules = rules;
    this.engine = engine;
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
   * A complaint to try: the same fields as an intake ticket; {@code receivedAt} defaults to now and
   * {@code channel} to the phone. {@code appealType} and {@code receivedAt} are read as text so
   * that a value that is not one is refused naming its field, like every other problem.
   */
  record DryRunRequest(
      String content,
      String address,
      String channel,
      String appealType,
      String districtCode,
      String topicCode,
      String receivedAt) {}

  /**
   * The engine's own decision for the ticket the request describes. What the engine would refuse on
   * Kafka (no content, unknown codes, a time received outside its years) is a 400 here, with every
   * problem at once.
   */
  @PostMapping(value = "/dry-run", consumes = MediaType.APPLICATION_JSON_VALUE)
  RoutingDecision dryRun(@RequestBody DryRunRequest request) {
    var problems = new ArrayList<String>();
    var appealType = appealType(request.appealType(), problems);
    var receivedAt = receivedAt(request.receivedAt(), problems);
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            "dry-run",
            receivedAt != null ? receivedAt : HotlineTime.now(clock),
            request.channel() != null ? request.channel() : "hotline-phone",
            appealType,
            request.content(),
            request.address(),
            request.districtCode(),
            request.topicCode());
    problems.addAll(engine.problemsWith(ticket));
    if (!problems.isEmpty()) {
      throw new InvalidDryRunException(problems);
    }
    return engine.decide(ticket);
  }

  private static AppealType appealType(String value, List<String> problems) {
    if (value == null) {
      return null;
    }
    var known = Arrays.stream(AppealType.values()).map(Enum::name).toList();
    if (!known.contains(value)) {
      problems.add(
          "appealType: 未知的诉求类型「%s」 (unknown appealType; one of %s)"
              .formatted(TicketCheck.quoted(value), String.join(", ", known)));
      return null;
    }
    return AppealType.valueOf(value);
  }

  private static OffsetDateTime receivedAt(String value, List<String> problems) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(
          "receivedAt: 受理时间格式应为 2026-01-31T09:15:30+08:00 (receivedAt must be ISO-8601 with an"
              + " offset)");
      return null;
    }
  }
}
