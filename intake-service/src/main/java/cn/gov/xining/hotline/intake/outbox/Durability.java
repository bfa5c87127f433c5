package cn.gov.xining.hotline.intake.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes committed writes survive a killed process before a caller is told anything.
 *
 * <p>PostgreSQL's commit already does. H2 keeps a commit in memory for up to half a second
 * (WRITE_DELAY); writing every commit at once (WRITE_DELAY=0) made each one a store of the whole
 * chunk and capped intake at ~900 tickets/s. Instead, each request commits normally (in parallel)
 * and then waits here for a CHECKPOINT that started after its commit; concurrent requests share
 * one. IntakeOutageIT kills intake with SIGKILL and finds every ticket that got a number.
 *
 * <p>In the outbox because a ticket is only queued once it is durable; intake's other answered
 * writes (a block of numbers, an idempotency key's answer, a poll of status changes before its
 * offsets are committed) wait on the same checkpoints.
 */
public class Durability {

  private final JdbcClient jdbc;
  private final boolean writesAreDelayed;
  private final long gatherNanos;
  private final long patienceNanos;
  private final String checkpointStatement;
  private final Counter checkpoints;
  private final AtomicLong requested = new AtomicLong();
  private long flushedUpTo;
  private long lastCheckpointEnd;
  private int unhurriedWaiting;

  /**
   * @param settings {@code hotline.intake.durability.*}
   */
  public Durability(
      JdbcClient jdbc,
      DataSource dataSource,
      OutboxProperties.Checkpoints settings,
      MeterRegistry meters)
      throws SQLException {
    this.jdbc = jdbc;
    this.gatherNanos = settings.gather().toNanos();
    this.patienceNanos = settings.patience().toNanos();
    this.checkpointStatement = settings.sync() ? "CHECKPOINT SYNC" : "CHECKPOINT";
    this.checkpoints =
        Counter.builder("hotline.intake.durability.checkpoints")
            .description("H2 checkpoints that made answered writes durable")
            .register(meters);
    try (var connection = dataSource.getConnection()) {
      this.writesAreDelayed = connection.getMetaData().getURL().startsWith("jdbc:h2:file:");
    }
  }

  /**
   * Returns once everything this thread has committed would survive a killed process; starts a
   * checkpoint if none has started since (after the gathering window).
   */
  public void awaitDurable() {
    if (!writesAreDelayed) {
      return;
    }
    long mine = requested.incrementAndGet();
    synchronized (this) {
      if (flushedUpTo < mine) {
        long wait = lastCheckpointEnd + gatherNanos - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait); // commits arriving meanwhile ride along
        }
        checkpoint();
      }
    }
  }

  /**
   * As {@link #awaitDurable()}, but first waits up to the patience for a checkpoint that somebody
   * else starts. For work no caller is waiting on (the status listeners, whose offsets are
   * committed after this returns): at a low rate of new tickets, a checkpoint of their own per poll
   * of decisions or lifecycle events cost intake as much as the tickets' own.
   */
  public void awaitDurableUnhurried() {
    if (!writesAreDelayed) {
      return;
    }
    long mine = requested.incrementAndGet();
    long deadline = System.nanoTime() + patienceNanos;
    synchronized (this) {
      long left;
      unhurriedWaiting++;
      try {
        while (flushedUpTo < mine && (left = deadline - System.nanoTime()) > 0) {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      } catch (InterruptedException stopping) {
        // Not durable yet: the listener must not commit its offsets, and a checkpoint with the
        // interrupt flag set could close H2's file channel under everyone else.
        Thread.currentThread().interrupt();
        throw new IllegalStateException("stopped before the writes were durable", stopping);
      } finally {
        unhurriedWaiting--;
      }
      if (flushedUpTo < mine) {
        checkpoint();
      }
    }
  }

  synchronized boolean hasWaiting() {
    return unhurriedWaiting > 0;
  }

  /** Called holding the lock. */
  private void checkpoint() {
    long upTo = requested.get();
    jdbc.sql(checkpointStatement).update();
    flushedUpTo = upTo;
    lastCheckpointEnd = System.nanoTime();
    checkpoints.increment();
    notifyAll();
  }
}
