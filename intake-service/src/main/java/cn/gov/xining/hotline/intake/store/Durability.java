package cn.gov.xining.hotline.intake.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes committed writes survive a killed process before a caller is told anything.
 *
 * <p>PostgreSQL's commit already does. H2 keeps a commit in memory for up to half a second
 * (WRITE_DELAY); writing every commit at once (WRITE_DELAY=0) made each one a store of the whole
 * chunk and capped intake at ~900 tickets/s. Instead, each request commits normally (in parallel)
 * and then waits here for a CHECKPOINT that started after its commit; concurrent requests share
 * one. IntakeOutageIT kills intake with SIGKILL and finds every ticket that got a number.
 */
@Component
public class Durability {

  private final JdbcClient jdbc;
  private final boolean writesAreDelayed;
  private final long gatherNanos;
  private final Counter checkpoints;
  private final AtomicLong requested = new AtomicLong();
  private long flushedUpTo;
  private long lastCheckpointEnd;

  /**
   * @param gather how long after the last checkpoint the next one waits for more commits to join
   *     it, as PostgreSQL's commit_delay does: each checkpoint writes a chunk, and fewer, larger
   *     chunks cost H2 less
   */
  public Durability(
      JdbcClient jdbc,
      DataSource dataSource,
      @Value("${hotline.intake.durability.gather:3ms}") Duration gather,
      MeterRegistry meters)
      throws SQLException {
    this.jdbc = jdbc;
    this.gatherNanos = gather.toNanos();
    this.checkpoints =
        Counter.builder("hotline.intake.durability.checkpoints")
            .description("H2 checkpoints that made answered writes durable")
            .register(meters);
    try (var connection = dataSource.getConnection()) {
      this.writesAreDelayed = connection.getMetaData().getURL().startsWith("jdbc:h2:file:");
    }
  }

  /** Returns once everything this thread has committed is on disk. */
  public void awaitDurable() {
    if (!writesAreDelayed) {
      return;
    }
    long mine = requested.incrementAndGet();
    synchronized (this) {
      if (flushedUpTo >= mine) {
        return; // a checkpoint that started after this thread's commit has finished
      }
      long wait = lastCheckpointEnd + gatherNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait); // commits arriving meanwhile ride along
      }
      long upTo = requested.get();
      jdbc.sql("CHECKPOINT").update();
      flushedUpTo = upTo;
      lastCheckpointEnd = System.nanoTime();
      checkpoints.increment();
    }
  }
}
