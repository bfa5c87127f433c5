package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketReturned;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.cases.CaseLimits;
import cn.gov.xining.hotline.handling.cases.CaseLink;
import cn.gov.xining.hotline.handling.cases.Handling;
import cn.gov.xining.hotline.handling.cases.HandlingPolicy;
import cn.gov.xining.hotline.kafka.RecordTracing;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
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

/**
 * Applies whatever arrived for a ticket to its case file; watches the time limits. What one case
 * tells another (a repeat appeal and the case it joins) is forwarded keyed by the other ticket, for
 * the topology to write to {@link HandlingTopology#CASE_LINKS}, from where it comes back here, to
 * the task that owns that ticket.
 */
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

  /** A record that {@link ContractCheck} let through: keyed by its ticket number, complete. */
  @Override
  public void process(Record<String, Object> record) {
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
    String reportingUnit = null;
    if (value instanceof TicketRouted decision) {
      outcome =
          handling.routed(
              file,
              decision,
              decision.outcome() == RoutingOutcome.LINKED ? contentOf(record.key()) : null);
    } else if (value instanceof ProgressReport report) {
      outcome = handling.report(file, report, arrivalOf(record));
      reportingUnit = report.unit();
    } else if (value instanceof HotlineAction action) {
      outcome = handling.act(file, action);
    } else if (value instanceof CaseLink link) {
      outcome = handling.linkArrived(file, link);
    } else {
      outcome = Handling.Outcome.unchanged(file);
    }
    // What this causes carries the cause's trace on (a unit's report, routing's decision).
    var trace = RecordTracing.traceOf(record.headers());
    settle(record.key(), file, outcome, record.timestamp(), trace, reportingUnit);
    if (value instanceof ProgressReport report) {
      routeAgainIfReturned(record.key(), report, outcome, record.timestamp(), trace);
    }
  }

  /** What the citizen said, if the ticket was seen received here (on this ticket's partition). */
  private String contentOf(String ticketNumber) {
    var ticket = received.get(ticketNumber);
    return ticket == null ? null : ticket.content();
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
        settle(entry.key, entry.value, outcome, timestamp, new RecordHeaders(), null);
        tally.add(outcome.file() != null ? outcome.file() : entry.value);
      }
    }
    tally.done();
  }

  @Override
  public void close() {
    metrics.forget(context.taskId().toString());
  }

  /**
   * Keeps the changed case file, and forwards its events, each unit's notice of them and what it
   * tells other cases.
   *
   * @param reportingUnit the unit whose report this outcome is of; null for anything else
   */
  private void settle(
      String ticketNumber,
      CaseFile before,
      Handling.Outcome outcome,
      long timestamp,
      Headers trace,
      String reportingUnit) {
    if (outcome.file() != null && !outcome.file().equals(before)) {
      int size = CaseLimits.sizeOf(outcome.file());
      if (size > CaseLimits.CHANGELOG_CEILING) {
        // Unreachable while the limits hold (what is sent is refused long before): a change that
        // the changelog could not take is dropped, events and all, rather than stop the stream
        // thread on this record at every restart.
        log.error(
            "ticket {}: a case file of {} bytes cannot be written (changelog ceiling {}); {} dropped",
            ticketNumber,
            size,
            CaseLimits.CHANGELOG_CEILING,
            outcome.events().stream().map(event -> event.kind().name()).toList());
        metrics.oversized();
        return;
      }
      cases.put(ticketNumber, outcome.file());
    }
    for (var event : outcome.events()) {
      context.forward(new Record<>(ticketNumber, event, timestamp, trace));
      for (String unit : unitsOf(before, outcome.file(), event, reportingUnit)) {
        context.forward(new Record<>(ticketNumber, new UnitNotice(unit, event), timestamp, trace));
      }
      metrics.published(event);
      log.info("ticket {} {} ({})", ticketNumber, event.kind(), event.status());
    }
    for (var link : outcome.links()) {
      context.forward(new Record<>(link.ticketNumber(), link, timestamp, trace));
      log.info("ticket {} tells {} {}", ticketNumber, link.ticketNumber(), link.kind());
    }
  }

  /**
   * The units that hear of this event: those of {@link #unitsOf(CaseFile, CaseFile)}, except on a
   * repeat appeal handled with the case it joined, which is no case of theirs (they hear of it on
   * that case, as {@code APPEAL_LINKED}); there only a unit's own report refused is answered, so
   * that the unit learns where to report instead.
   */
  private static Set<String> unitsOf(
      CaseFile before, CaseFile after, CaseEvent event, String reportingUnit) {
    var units = unitsOf(before, after);
    var now = after != null ? after : before;
    if (now == null || !now.linked()) {
      return units;
    }
    return event.kind() == CaseEventKind.REFUSED
            && reportingUnit != null
            && units.contains(reportingUnit)
        ? Set.of(reportingUnit)
        : Set.of();
  }

  /**
   * The units that hear of a case's events: those on it before the event and after (a unit that
   * returns a ticket hears that its return was applied; the next unit, that it was assigned), not
   * the hotline itself, nor a unit that only tried to act on a case that is not its own, nor the
   * placeholder of a district government not yet known (routing's {@code district}: there is no
   * such unit, and no topic for it — writing to one would stop the stream thread).
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
    units.remove(Catalog.DISTRICT_TARGET);
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
}
