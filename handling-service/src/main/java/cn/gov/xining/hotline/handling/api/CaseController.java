package cn.gov.xining.hotline.handling.api;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.HotlineRole;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.cases.CaseLimits;
import cn.gov.xining.hotline.handling.cases.Handling;
import cn.gov.xining.hotline.handling.streams.HandlingTopology;
import cn.gov.xining.hotline.kafka.streams.InstanceForwarder;
import cn.gov.xining.hotline.security.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports and decisions are published, not applied here: the handling topology is their single
 * owner and applies or refuses them in order. What the case as it stands does not allow is refused
 * at once ({@code 404}, {@code 409}, also when the case can take no more: {@link CaseLimits}) and
 * not published, by asking {@link Handling} the same question the processor will; a field over its
 * limit is a {@code 400}; the rest is published and answered {@code 202 Accepted} with the event
 * id. A 202 is not the outcome: something published just before (another unit's report, another
 * instance's request) may still make the processor refuse it, with a {@code REFUSED} event on
 * {@code ticket-lifecycle}.
 *
 * <p>With several instances, a request about one case reaches this controller only on the instance
 * that holds the case ({@link CasesAcrossInstances}); a list is this instance's cases and the
 * others'.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  /** What a report or action was published as. */
  record Submitted(UUID eventId, String ticketNumber) {}

  private static final ParameterizedTypeReference<List<CaseFile>> CASE_FILES =
      new ParameterizedTypeReference<>() {};

  private final KafkaStreamsInteractiveQueryService queries;
  private final KafkaTemplate<String, Object> kafka;
  private final Catalog catalog;
  private final Handling handling;
  private final CaseLimits limits;
  private final Clock clock;
  private final InstanceForwarder instances;

  CaseController(
      KafkaStreamsInteractiveQueryService queries,
      KafkaTemplate<String, Object> kafka,
      Catalog catalog,
      Handling handling,
      CaseLimits limits,
      Clock clock,
      InstanceForwarder instances) {
    this.queries = queries;
    this.kafka = kafka;
    this.catalog = catalog;
    this.handling = handling;
    this.limits = limits;
    this.clock = clock;
    this.instances = instances;
  }

  /**
   * The case file: status, units, the time limit in force and the whole history; for a case that
   * repeat appeals joined, their ticket numbers ({@code linkedAppeals}), for a repeat appeal, the
   * case it joined ({@code linkedTo}).
   */
  @GetMapping("/{ticketNumber}")
  CaseFile caseFile(@PathVariable String ticketNumber, Caller caller) {
    var file = cases().get(ticketNumber);
    if (file == null) {
      throw new UnknownCaseException(ticketNumber);
    }
    mayRead(caller, file);
    return file;
  }

  /** The hotline's reviewers and managers read every case; a unit only the cases it handles now. */
  private static void mayRead(Caller caller, CaseFile file) {
    if (!caller.has(HotlineRole.REVIEWER)
        && !caller.has(HotlineRole.MANAGER)
        && !isHandledBy(file, caller.unit())) {
      throw new AccessDeniedException(
          "工单 %s 不由本单位 %s 办理 (case %s is not handled by your unit %s)"
              .formatted(file.ticketNumber(), caller.unit(), file.ticketNumber(), caller.unit()));
    }
  }

  private static boolean isHandledBy(CaseFile file, String unit) {
    return unit != null
        && (unit.equals(file.primaryUnit()) || file.assistingUnits().contains(unit));
  }

  /**
   * The case files in one status, e.g. {@code SUPERVISOR}: the supervisor's queue of tickets
   * returned again and again. Every instance's: this one's and, asked with the caller's token, the
   * other instances' (a forwarded request is answered from this instance's own cases only).
   */
  @GetMapping
  List<CaseFile> inStatus(@RequestParam CaseStatus status, Caller caller) {
    boolean everyUnit = caller.has(HotlineRole.REVIEWER);
    var found = new ArrayList<CaseFile>();
    try (var all = cases().all()) {
      all.forEachRemaining(
          entry -> {
            // A unit works on the case a repeat appeal joined, never on the appeal itself.
            if (entry.value.status() == status
                && (everyUnit
                    || (isHandledBy(entry.value, caller.unit()) && !entry.value.linked()))) {
              found.add(entry.value);
            }
          });
    }
    instances.askOthersTheSame(HandlingTopology.CASE_FILES, CASE_FILES).forEach(found::addAll);
    return found;
  }

  /**
   * A unit's report, for units without a Kafka client. It is judged at the time it arrives here,
   * whatever its {@code at} says.
   */
  @PostMapping("/{ticketNumber}/progress")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Submitted report(
      @PathVariable String ticketNumber, @RequestBody ProgressRequest request, Caller unit) {
    // The unit is the token's, never the body's: a body naming another unit is refused.
    if (request.unit() != null && !request.unit().equals(unit.unit())) {
      throw new AccessDeniedException(
          "unit 须为本单位 %s，不能代替 %s 报告 (you report for your unit %s only, not %s)"
              .formatted(unit.unit(), request.unit(), unit.unit(), request.unit()));
    }
    unit.mustBe(request.by(), "by");
    samePath(ticketNumber, request.ticketNumber());
    var arrivedAt = HotlineTime.now(clock);
    var report =
        new ProgressReport(
            request.eventId() == null ? UUID.randomUUID() : request.eventId(),
            ticketNumber,
            unit.unit(),
            request.kind(),
            request.at() == null ? arrivedAt : request.at(),
            unit.name(),
            request.returnReason(),
            request.text(),
            request.requestedDueAt());
    var problems = new LinkedHashMap<>(report.violations());
    limits.breaches(report).forEach(problems::putIfAbsent);
    if (unit.unit() == null || catalog.unit(unit.unit()).isEmpty()) {
      problems.put("unit", "须为目录中的单位代码 (a catalog unit code)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    refuseWhatTheCaseDoesNotAllow(
        ticketNumber,
        file -> {
          mayRead(unit, file);
          return handling.report(file, report, arrivedAt);
        });
    publish(Topics.TICKET_PROGRESS, ticketNumber, report);
    return new Submitted(report.eventId(), ticketNumber);
  }

  /** A body that names its ticket (the event's shape) must name the path's. */
  private static void samePath(String ticketNumber, String named) {
    if (named != null && !named.equals(ticketNumber)) {
      throw new InvalidRequestException(
          Map.of(
              "ticketNumber",
              "须与路径中的工单号 %s 相同 (must be the path's ticket number %s)"
                  .formatted(ticketNumber, ticketNumber)));
    }
  }

  /** A decision of the hotline's staff: extension, review, callback. */
  @PostMapping("/{ticketNumber}/actions")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Submitted act(
      @PathVariable String ticketNumber, @RequestBody ActionRequest request, Caller reviewer) {
    reviewer.mustBe(request.by(), "by");
    samePath(ticketNumber, request.ticketNumber());
    var action =
        new HotlineAction(
            request.eventId() == null ? UUID.randomUUID() : request.eventId(),
            ticketNumber,
            request.kind(),
            request.at() == null ? HotlineTime.now(clock) : request.at(),
            reviewer.name(),
            request.reason(),
            request.reached(),
            request.solved(),
            request.satisfaction(),
            request.note());
    var problems = new LinkedHashMap<>(action.violations());
    limits.breaches(action).forEach(problems::putIfAbsent);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    refuseWhatTheCaseDoesNotAllow(ticketNumber, file -> handling.act(file, action));
    publish(Topics.HOTLINE_ACTIONS, ticketNumber, action);
    return new Submitted(action.eventId(), ticketNumber);
  }

  /**
   * Asks the state machine what it would do with this on the case as this instance holds it now,
   * and throws its refusal. A courtesy, so that a REST caller hears "no" at once: the processor
   * still decides, in order, and refuses on its own what arrives after something that changed the
   * case.
   */
  private void refuseWhatTheCaseDoesNotAllow(
      String ticketNumber, Function<CaseFile, Handling.Outcome> decision) {
    var file = cases().get(ticketNumber);
    if (file == null) {
      throw new UnknownCaseException(ticketNumber);
    }
    var outcome = decision.apply(file);
    if (outcome.limit() != null) {
      throw new CaseFullException(outcome.limit(), file.status());
    }
    outcome.events().stream()
        .filter(event -> event.kind() == CaseEventKind.REFUSED)
        .findFirst()
        .ifPresent(
            refusal -> {
              throw new RefusedException(refusal);
            });
  }

  private ReadOnlyKeyValueStore<String, CaseFile> cases() {
    return queries.retrieveQueryableStore(
        HandlingTopology.CASE_FILES, QueryableStoreTypes.keyValueStore());
  }

  private void publish(String topic, String ticketNumber, Object event) {
    try {
      kafka.send(topic, ticketNumber, event).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the broker did not take the report", e);
    }
  }
}
