package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.handling.cases.CaseLimits;
import cn.gov.xining.hotline.kafka.RecordTracing;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each record against the contract where it was read, before anything is applied or moved: a
 * record that breaks it (a report without what its kind requires, a field over its limit, a key
 * that is not the ticket number, a report on {@code progress-<unit>} naming another unit) is thrown
 * out as a {@link ContractViolation}, which {@link ContractViolationHandler} dead-letters to the
 * topic it came from. Checked here, and not by the case processor, because a unit's report is moved
 * to the partition of its ticket first, and after that the record no longer knows the topic it came
 * from. What goes on carries only its trace headers: nothing else a client put on a record is
 * copied to what handling writes.
 */
class ContractCheck<T> implements FixedKeyProcessor<String, T, T> {

  private static final Logger log = LoggerFactory.getLogger(ContractCheck.class);

  private final CaseLimits limits;
  private FixedKeyProcessorContext<String, T> context;

  ContractCheck(CaseLimits limits) {
    this.limits = limits;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, T> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, T> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
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
    var broken = breaches(record.key(), record.value(), topic);
    if (!broken.isEmpty()) {
      // Readable, but nothing can be applied from it: dead-lettered with the reason by
      // ContractViolationHandler, and the next record goes on.
      throw new ContractViolation(record.value().getClass().getSimpleName(), broken);
    }
    context.forward(record.withHeaders(RecordTracing.traceOf(record.headers())));
  }

  /**
   * What a record lacks that the contract requires, or holds beyond its limits, field by field;
   * empty if nothing. Every record is keyed by its ticket number, which is what keeps one ticket's
   * records in order. {@code topic} is where it was read.
   */
  private Map<String, String> breaches(String key, Object value, String topic) {
    var found = new LinkedHashMap<String, String>();
    String ticketNumber;
    if (value instanceof ProgressReport report) {
      found.putAll(report.violations());
      limits.breaches(report).forEach(found::putIfAbsent);
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
      limits.breaches(action).forEach(found::putIfAbsent);
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
      // The topology reads only these four types: anything else is a wiring mistake, not a unit's.
      return Map.of("value", "不是约定的事件 (not one of the contract's events)");
    }
    if (ticketNumber == null) {
      found.putIfAbsent("ticketNumber", "须有工单编号 (ticketNumber is required)");
    } else if (!ticketNumber.equals(key)) {
      found.put(
          "key",
          "记录键「%s」须为工单编号「%s」 (the record key must be the ticket number)"
              .formatted(abbreviated(key), abbreviated(ticketNumber)));
    }
    return found;
  }

  /** A value quoted in a reason, short enough for a header whatever the record held. */
  private static String abbreviated(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
