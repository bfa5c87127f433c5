package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What operations watch in handling: the events it publishes by kind (overdue, returned, refused,
 * …) and the cases open and overdue now. The open and overdue counts are taken per stream task at
 * each deadline check (every {@code hotline.handling.deadline-check-interval}), so they are at most
 * that old.
 */
@Component
public class CaseMetrics {

  private final MeterRegistry registry;

  /** Per stream task: open cases and overdue ones, from its last deadline check. */
  private final Map<String, long[]> openByTask = new ConcurrentHashMap<>();

  public CaseMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("hotline.handling.cases.open", () -> sum(0))
        .description("transferred tickets being handled (assigned or accepted)")
        .register(registry);
    Gauge.builder("hotline.handling.cases.overdue", () -> sum(1))
        .description("open tickets past their time limit")
        .register(registry);
  }

  /**
   * One published lifecycle event. Counted when handed to Kafka Streams: a transaction that aborts
   * and is processed again counts its events again.
   */
  void published(CaseEvent event) {
    Counter.builder("hotline.handling.events")
        .tag("kind", event.kind().name())
        .description("lifecycle events published on ticket-lifecycle")
        .register(registry)
        .increment();
  }

  /**
   * A change dropped because its case file would not fit the changelog: unreachable while the
   * limits hold, so any count is a bug to look at.
   */
  void oversized() {
    Counter.builder("hotline.handling.cases.oversized")
        .description("changes dropped because the case file would not fit its changelog record")
        .register(registry)
        .increment();
  }

  /** A count over the cases of one task, at a deadline check. */
  final class Tally {
    private final String task;
    private long open;
    private long overdue;

    private Tally(String task) {
      this.task = task;
    }

    void add(CaseFile file) {
      // A repeat appeal is handled, and counted, in the case it joined.
      if (file != null && file.open() && !file.linked()) {
        open++;
        if (file.overdue()) {
          overdue++;
        }
      }
    }

    void done() {
      openByTask.put(task, new long[] {open, overdue});
    }
  }

  Tally tally(String task) {
    return new Tally(task);
  }

  /** The task moved to another instance or the service is stopping. */
  void forget(String task) {
    openByTask.remove(task);
  }

  private double sum(int index) {
    return openByTask.values().stream().mapToLong(counts -> counts[index]).sum();
  }
}
