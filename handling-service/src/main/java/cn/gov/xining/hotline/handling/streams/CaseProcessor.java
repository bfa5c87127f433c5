package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketReturned;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.cases.Handling;
import cn.gov.xining.hotline.handling.cases.HandlingPolicy;
import cn.gov.xining.hotline.kafka.RecordTracing;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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
    if (record.key() == null || record.value() == null) {
      // Nothing to apply and nothing to dead-letter: Spring Kafka 4.1.1's recovering handler
      // fails on a record without key or value bytes (spring-kafka GH-4603), and a failing handler
      // would stop the stream thread on this record after every restart.
      log.warn(
          "skipped a record without {} on {}",
          record.key() == null ? "key" : "value",
          context
              .recordMetadata()
              .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
              .orElse("a punctuation"));
      return;
    }
    var broken =
        breaches(
            record.key(),
            record.value(),
            context.recordMetadata().map(metadata -> metadata.topic()).orElse(""));
    if (!broken.isEmpty()) {
      // Readable, but nothing can be applied from it: dead-lettered with the reason by
      // ContractViolationHandler, and the next record goes on.
      throw new ContractViolation(record.value().getClass().getSimpleName(), broken);
    }
    tracing.within(record.headers(), "hotline.handling.record", () -> apply(record));
  }

  private void apply(Record<String, Object> record) {
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
      outcome = handling.report(file, report, arrivalOf(record));
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
                  event.at()),
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
    var units = unitsOf(before, outcome.file());
    for (var event : outcome.events()) {
      context.forward(new Record<>(ticketNumber, event, timestamp, trace));
      for (String unit : units) {
        context.forward(new Record<>(ticketNumber, new UnitNotice(unit, event), timestamp, trace));
      }
      metrics.published(event);
      log.info("ticket {} {} ({})", ticketNumber, event.kind(), event.status());
    }
  }

  /**
   * The units that hear of a case's events: those on it before the event and after (a unit that
   * returns a ticket hears that its return was applied; the next unit, that it was assigned), not
   * the hotline itself, nor a unit that only tried to act on a case that is not its own.
   */
  private static Set<String> unitsOf(CaseFile before, CaseFile after) {
    var units = new LinkedHashSet<String>();
    for (var file : new CaseFile[] {before, after}) {
      if (file != null) {
        if (file.primaryUnit() != null) {
          units.add(file.primaryUnit());
        }
        units.addAll(file.assistingUnits());
      }
    }
    units.remove(Catalog.HOTLINE_UNIT);
    return units;
  }

  /**
   * When a report reached the hotline: the broker's append time ({@code ticket-progress} is
   * declared with {@code LogAppendTime}, so neither the unit's {@code at} nor its producer decides
   * it), or this service's clock if that is earlier, since a report cannot arrive after it is
   * applied (the broker's and this machine's clocks differ a little; tests move this one).
   */
  private OffsetDateTime arrivalOf(Record<String, Object> record) {
    long arrived = Math.min(record.timestamp(), clock.millis());
    return Instant.ofEpochMilli(arrived).atZone(HotlineTime.ZONE).toOffsetDateTime();
  }

  /**
   * What a record lacks that the contract requires, field by field; empty if nothing. Every record
   * is keyed by its ticket number, which is what keeps one ticket's records in order. {@code topic}
   * is where it was read.
   */
  private static Map<String, String> breaches(String key, Object value, String topic) {
    var found = new LinkedHashMap<String, String>();
    String ticketNumber;
    if (value instanceof ProgressReport report) {
      found.putAll(report.violations());
      ticketNumber = report.ticketNumber();
      // On progress-<unit>, only that unit's system can write (the broker's ACLs): a report there
      // naming another unit is someone's attempt to act for it.
      if (topic.startsWith(Topics.UNIT_PROGRESS_PREFIX)) {
        String unit = topic.substring(Topics.UNIT_PROGRESS_PREFIX.length());
        if (!unit.equals(report.unit())) {
          found.put(
              "unit",
              "须为本单位「%s」：%s 只收该单位的报告 (a report on %s must be %s's own)"
                  .formatted(unit, topic, topic, unit));
        }
      }
    } else if (value instanceof HotlineAction action) {
      found.putAll(action.violations());
      ticketNumber = action.ticketNumber();
    } else if (value instanceof TicketRouted decision) {
      if (decision.outcome() == null) {
        found.put("outcome", "须有路由结果 (outcome is required)");
      }
      if (decision.routedAt() == null) {
        found.put("routedAt", "须有路由时间 (routedAt is required)");
      }
      ticketNumber = decision.ticketNumber();
    } else if (value instanceof TicketReceived ticket) {
      ticketNumber = ticket.ticketNumber();
    } else {
      // Records without a value never get here (process skips them), and the topology reads only
      // these four types: anything else is a wiring mistake, not a unit's.
      return Map.of("value", "不是约定的事件 (not one of the contract's events)");
    }
    if (ticketNumber == null) {
      found.putIfAbsent("ticketNumber", "须有工单编号 (ticketNumber is required)");
    } else if (!ticketNumber.equals(key)) {
      found.put(
          "key",
          "记录键「%s」须为工单编号「%s」 (the record key must be the ticket number)"
              .formatted(key, ticketNumber));
    }
    return found;
  }
}
