package cn.gov.xining.hotline.handling.api;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.HotlineActionKind;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.ProgressKind;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.streams.HandlingTopology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
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
 * owner and applies or refuses them in order, so the answer is {@code 202 Accepted} with the event
 * id, and the outcome appears in the case file's history (and on {@code ticket-lifecycle}).
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  /** What a report or action was published as. */
  record Submitted(UUID eventId, String ticketNumber) {}

  private final KafkaStreamsInteractiveQueryService queries;
  private final KafkaTemplate<String, Object> kafka;
  private final Catalog catalog;
  private final Clock clock;

  CaseController(
      KafkaStreamsInteractiveQueryService queries,
      KafkaTemplate<String, Object> kafka,
      Catalog catalog,
      Clock clock) {
    this.queries = queries;
    this.kafka = kafka;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** The case file: status, units, the time limit in force and the whole history. */
  @GetMapping("/{ticketNumber}")
  CaseFile caseFile(@PathVariable String ticketNumber) {
    ReadOnlyKeyValueStore<String, CaseFile> cases =
        queries.retrieveQueryableStore(
            HandlingTopology.CASE_FILES, QueryableStoreTypes.keyValueStore());
    var file = cases.get(ticketNumber);
    if (file == null) {
      throw new UnknownCaseException(ticketNumber);
    }
    return file;
  }

  /**
   * The case files in one status, e.g. {@code SUPERVISOR}: the supervisor's queue of tickets
   * returned again and again.
   */
  @GetMapping
  List<CaseFile> inStatus(@RequestParam CaseStatus status) {
    ReadOnlyKeyValueStore<String, CaseFile> cases =
        queries.retrieveQueryableStore(
            HandlingTopology.CASE_FILES, QueryableStoreTypes.keyValueStore());
    var found = new ArrayList<CaseFile>();
    try (var all = cases.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.value.status() == status) {
              found.add(entry.value);
            }
          });
    }
    return found;
  }

  /** A unit's report, for units without a Kafka client. */
  @PostMapping("/{ticketNumber}/progress")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Submitted report(@PathVariable String ticketNumber, @RequestBody ProgressRequest request) {
    var problems = new LinkedHashMap<String, String>();
    if (request.unit() == null || catalog.unit(request.unit()).isEmpty()) {
      problems.put("unit", "须为目录中的单位代码 (a catalog unit code)");
    }
    if (request.kind() == null) {
      problems.put("kind", "须为 ACCEPTED, RETURNED, EXTENSION_REQUESTED, NOTE, RESOLVED 之一");
    } else {
      requireFor(
          request.kind() == ProgressKind.RETURNED && request.returnReason() == null,
          "returnReason",
          "退回须说明原因 (NOT_OUR_DUTY, WRONG_DISTRICT, DUPLICATE)",
          problems);
      requireFor(
          request.kind() == ProgressKind.EXTENSION_REQUESTED && request.requestedDueAt() == null,
          "requestedDueAt",
          "延期须给出新的时限 (the time limit asked for)",
          problems);
      requireFor(
          request.kind() == ProgressKind.RESOLVED && blank(request.text()),
          "text",
          "办结须写明办理结果 (the result)",
          problems);
      requireFor(
          request.kind() == ProgressKind.ACCEPTED && blank(request.by()),
          "by",
          "签收须写明签收人 (who signed for it)",
          problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    var report =
        new ProgressReport(
            request.eventId() == null ? UUID.randomUUID() : request.eventId(),
            ticketNumber,
            request.unit(),
            request.kind(),
            request.at() == null ? HotlineTime.now(clock) : request.at(),
            request.by(),
            request.returnReason(),
            request.text(),
            request.requestedDueAt());
    publish(Topics.TICKET_PROGRESS, ticketNumber, report);
    return new Submitted(report.eventId(), ticketNumber);
  }

  /** A decision of the hotline's staff: extension, review, callback. */
  @PostMapping("/{ticketNumber}/actions")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Submitted act(@PathVariable String ticketNumber, @RequestBody ActionRequest request) {
    var problems = new LinkedHashMap<String, String>();
    if (request.kind() == null) {
      problems.put(
          "kind",
          "须为 EXTENSION_GRANTED, EXTENSION_REFUSED, REVIEW_APPROVED, REVIEW_SENT_BACK, CALLBACK 之一");
    } else {
      requireFor(
          request.kind() == HotlineActionKind.REVIEW_SENT_BACK && blank(request.reason()),
          "reason",
          "退回重办须说明原因 (why)",
          problems);
      requireFor(
          request.kind() == HotlineActionKind.CALLBACK && request.reached() == null,
          "reached",
          "回访须说明是否接通 (whether the citizen was reached)",
          problems);
      requireFor(
          request.kind() == HotlineActionKind.CALLBACK
              && Boolean.TRUE.equals(request.reached())
              && request.satisfaction() == null,
          "satisfaction",
          "接通的回访须记录满意度 (SATISFIED, BASICALLY_SATISFIED, NOT_SATISFIED)",
          problems);
    }
    if (blank(request.by())) {
      problems.put("by", "须写明经办人 (the staff member)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    var action =
        new HotlineAction(
            request.eventId() == null ? UUID.randomUUID() : request.eventId(),
            ticketNumber,
            request.kind(),
            request.at() == null ? HotlineTime.now(clock) : request.at(),
            request.by(),
            request.reason(),
            request.reached(),
            request.solved(),
            request.satisfaction(),
            request.note());
    publish(Topics.HOTLINE_ACTIONS, ticketNumber, action);
    return new Submitted(action.eventId(), ticketNumber);
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

  private static void requireFor(
      boolean missing, String field, String message, Map<String, String> problems) {
    if (missing) {
      problems.put(field, message);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
