package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dry run: what the router would decide for a complaint under the rules in force, explained,
 * without publishing anything.
 */
@RestController
@RequestMapping("/api/routing")
class DryRunController {

  private final Router router;
  private final Clock clock;

  DryRunController(Router router, Clock clock) {
    this.router = router;
    this.clock = clock;
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
   * The router's own decision for the ticket the request describes. What the router would refuse on
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
    problems.addAll(router.problemsWith(ticket));
    if (!problems.isEmpty()) {
      throw new InvalidDryRunException(problems);
    }
    return router.decide(ticket);
  }

  @ExceptionHandler
  ProblemDetail invalidDryRun(InvalidDryRunException e) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "请求有%d处错误，未作试算 (the dry run was refused: %d problems, each naming its field)"
                .formatted(e.problems().size(), e.problems().size()));
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/invalid-request"));
    problem.setTitle("请求不合格 (Invalid request)");
    problem.setProperty("problems", e.problems());
    return problem;
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
