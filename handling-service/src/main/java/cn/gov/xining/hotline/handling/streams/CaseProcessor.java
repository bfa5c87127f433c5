package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.cases.Handling;
import cn.gov.xining.hotline.handling.cases.HandlingPolicy;
import java.time.Clock;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies whatever arrived for a ticket to its case file; watches the time limits. */
class CaseProcessor implements Processor<String, Object, String, CaseEvent> {

  private static final Logger log = LoggerFactory.getLogger(CaseProcessor.class);

  private final Handling handling;
  private final HandlingPolicy policy;
  private final Clock clock;
  private ProcessorContext<String, CaseEvent> context;
  private KeyValueStore<String, CaseFile> cases;

  CaseProcessor(Handling handling, HandlingPolicy policy, Clock clock) {
    this.handling = handling;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, CaseEvent> context) {
    this.context = context;
    this.cases = context.getStateStore(HandlingTopology.CASE_FILES);
    context.schedule(
        policy.deadlineCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::watchDeadlines);
  }

  @Override
  public void process(Record<String, Object> record) {
    if (record.key() == null || !complete(record.value())) {
      // Readable JSON without what the contract requires: nothing to apply it to.
      log.warn("ignored an incomplete {} for ticket {}", describe(record.value()), record.key());
      return;
    }
    var file = cases.get(record.key());
    var value = record.value();
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
    settle(record.key(), file, outcome, record.timestamp());
  }

  private void watchDeadlines(long timestamp) {
    var now = HotlineTime.now(clock);
    try (var all = cases.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        settle(entry.key, entry.value, handling.watch(entry.value, now), timestamp);
      }
    }
  }

  private void settle(
      String ticketNumber, CaseFile before, Handling.Outcome outcome, long timestamp) {
    if (outcome.file() != null && !outcome.file().equals(before)) {
      cases.put(ticketNumber, outcome.file());
    }
    for (var event : outcome.events()) {
      context.forward(new Record<>(ticketNumber, event, timestamp));
    }
  }

  private static boolean complete(Object value) {
    if (value instanceof TicketRouted d) {
      return d.ticketNumber() != null && d.outcome() != null && d.routedAt() != null;
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
