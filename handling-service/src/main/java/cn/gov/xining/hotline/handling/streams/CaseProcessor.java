package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketReturned;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.cases.Handling;
import cn.gov.xining.hotline.handling.cases.HandlingPolicy;
import cn.gov.xining.hotline.kafka.RecordTracing;
import java.time.Clock;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies whatever arrived for a ticket to its case file; watches the time limits. */
class CaseProcessor implements Processor<String, Object, String, Object> {

  private static final Logger log = LoggerFactory.getLogger(CaseProcessor.class);

  private final Handling handling;
  private final HandlingPolicy policy;
  private final Clock clock;
  private final CaseMetrics metrics;
  private final RecordTracing tracing;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, CaseFile> cases;
  private KeyValueStore<String, TicketReceived> received;

  CaseProcessor(
      Handling handling,
      HandlingPolicy policy,
      Clock clock,
      CaseMetrics metrics,
      RecordTracing tracing) {
    this.tracing = tracing;
    this.handling = handling;
    this.policy = policy;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.cases = context.getStateStore(HandlingTopology.CASE_FILES);
    this.received = context.getStateStore(HandlingTopology.RECEIVED_TICKETS);
    context.schedule(
        policy.deadlineCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::watchDeadlines);
  }

  @Override
  public void process(Record<String, Object> record) {
    tracing.within(record.headers(), "hotline.handling.record", () -> apply(record));
  }

  private void apply(Record<String, Object> record) {
    if (record.key() == null || !complete(record.value())) {
      // Readable JSON without what the contract requires: nothing to apply it to.
      log.warn("ignored an incomplete {} for ticket {}", describe(record.value()), record.key());
      return;
    }
    var value = record.value();
    if (value instanceof TicketReceived ticket) {
      received.put(record.key(), ticket);
      return;
    }
    var file = cases.get(record.key());
    Handling.Outcome outcome;
    if (value instanceof TicketRouted decision) {
      outcome = handling.routed(file, decision);
    } else if (value instanceof ProgressReport report) {
      outcome = handling.report(file, report);
    } else if (value instanceof HotlineAction action) {
      outcome = handling.act(file, action);
    } else {
      outcome = Handling.Outcome.unchanged(file);
    }
    // What this causes carries the cause's trace on (a unit's report, routing's decision).
    var trace = RecordTracing.traceOf(record.headers());
    settle(record.key(), file, outcome, record.timestamp(), trace);
    if (value instanceof ProgressReport report) {
      routeAgainIfReturned(record.key(), report, outcome, record.timestamp(), trace);
    }
  }

  /** A return that is not yet a loop goes back to routing with the whole ticket. */
  private void routeAgainIfReturned(
      String ticketNumber,
      ProgressReport report,
      Handling.Outcome outcome,
      long timestamp,
      Headers trace) {
    for (var event : outcome.events()) {
      if (event.kind() != CaseEventKind.RETURNED) {
        continue;
      }
      var ticket = received.get(ticketNumber);
      if (ticket == null) {
        log.warn(
            "ticket {} was returned but was never seen received; it waits as RETURNED",
            ticketNumber);
        continue;
      }
      context.forward(
          new Record<>(
              ticketNumber,
              new TicketReturned(
                  event.eventId(),
                  ticket,
                  report.unit(),
                  report.returnReason(),
                  event.excludedUnits(),
                  report.at()),
              timestamp,
              trace));
    }
  }

  private void watchDeadlines(long timestamp) {
    var now = HotlineTime.now(clock);
    var tally = metrics.tally(context.taskId().toString());
    try (var all = cases.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        var outcome = handling.watch(entry.value, now);
        settle(entry.key, entry.value, outcome, timestamp, new RecordHeaders());
        tally.add(outcome.file() != null ? outcome.file() : entry.value);
      }
    }
    tally.done();
  }

  @Override
  public void close() {
    metrics.forget(context.taskId().toString());
  }

  private void settle(
      String ticketNumber,
      CaseFile before,
      Handling.Outcome outcome,
      long timestamp,
      Headers trace) {
    if (outcome.file() != null && !outcome.file().equals(before)) {
      cases.put(ticketNumber, outcome.file());
    }
    for (var event : outcome.events()) {
      context.forward(new Record<>(ticketNumber, event, timestamp, trace));
      metrics.published(event);
      log.info("ticket {} {} ({})", ticketNumber, event.kind(), event.status());
    }
  }

  private static boolean complete(Object value) {
    if (value instanceof TicketRouted d) {
      return d.ticketNumber() != null && d.outcome() != null && d.routedAt() != null;
    }
    if (value instanceof TicketReceived t) {
      return t.ticketNumber() != null;
    }
    if (value instanceof ProgressReport r) {
      return r.ticketNumber() != null && r.unit() != null && r.kind() != null && r.at() != null;
    }
    if (value instanceof HotlineAction a) {
      return a.ticketNumber() != null && a.kind() != null && a.at() != null;
    }
    return false;
  }

  private static String describe(Object value) {
    return value == null ? "empty record" : value.getClass().getSimpleName();
  }
}
