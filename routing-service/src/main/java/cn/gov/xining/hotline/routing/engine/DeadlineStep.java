package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.calendar.DateNotCoveredException;
import cn.gov.xining.hotline.routing.deadlines.Deadlines;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * 办理时限 to 截止时间: when the ticket is due, on the working calendar. A working-day limit that runs past
 * the years the calendar covers has no due time; the ticket then goes to a person rather than to a
 * unit with a guessed one.
 */
final class DeadlineStep {

  /** The due time, or the first day the calendar does not cover; exactly one is set. */
  record Deadline(OffsetDateTime dueAt, LocalDate uncoveredDay) {

    boolean covered() {
      return dueAt != null;
    }
  }

  private final Deadlines deadlines;

  DeadlineStep(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  Deadline dueAt(OffsetDateTime receivedAt, Catalog.TimeLimit limit) {
    try {
      return new Deadline(deadlines.dueAt(receivedAt, limit), null);
    } catch (DateNotCoveredException e) {
      return new Deadline(null, e.date());
    }
  }
}
