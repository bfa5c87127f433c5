package cn.gov.xining.hotline.routing.deadlines;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.calendar.DateNotCoveredException;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.OffsetDateTime;

/**
 * 办理时限 to 截止时间: when a ticket is due, from when it was received and its topic's time limit.
 *
 * <p>Every result is in Asia/Shanghai ({@link HotlineTime#ZONE}), offset +08:00, whatever offset
 * the receipt time was written with. The rules:
 *
 * <ul>
 *   <li><b>Hours</b>: the receipt time plus that many hours of wall-clock time, through nights,
 *       weekends and holidays alike; the calendar is not consulted. {@code hours: 0} means answered
 *       immediately, so the ticket is due at receipt.
 *   <li><b>Working days N</b> (N &ge; 1): the day the ticket was received, in Shanghai, does not
 *       count, whatever the hour. The ticket is due at the end of the N-th working day after it,
 *       written as 00:00 of the next calendar day. Received on Friday 2026-09-18 with 3 working
 *       days: Sunday 9-20 is a make-up working day, so the days are 9-20, 9-21 and 9-22, and the
 *       ticket is due 2026-09-23T00:00+08:00.
 * </ul>
 *
 * <p>A working-day limit that reaches a year the {@link WorkingCalendar} does not cover throws
 * {@link DateNotCoveredException}.
 */
public final class Deadlines {

  private final WorkingCalendar calendar;

  public Deadlines(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * @throws IllegalArgumentException unless exactly one of hours (&ge; 0) or working days (&ge; 1)
   *     is set
   * @throws DateNotCoveredException if a working-day count leaves the calendar's years
   */
  public OffsetDateTime dueAt(OffsetDateTime receivedAt, Catalog.TimeLimit limit) {
    if (limit == null || (limit.hours() == null) == (limit.workingDays() == null)) {
      throw new IllegalArgumentException(
          "a time limit needs exactly one of hours or workingDays: " + limit);
    }
    if (limit.hours() != null) {
      if (limit.hours() < 0) {
        throw new IllegalArgumentException("hours must not be negative: " + limit);
      }
      return inShanghai(receivedAt.plusHours(limit.hours()));
    }
    // Zero working days has no sensible "end of day" reading; immediate answers are hours: 0.
    if (limit.workingDays() < 1) {
      throw new IllegalArgumentException("workingDays must be at least 1: " + limit);
    }
    var lastDay = calendar.addWorkingDays(HotlineTime.dayOf(receivedAt), limit.workingDays());
    return lastDay.plusDays(1).atStartOfDay(HotlineTime.ZONE).toOffsetDateTime();
  }

  private static OffsetDateTime inShanghai(OffsetDateTime time) {
    return time.atZoneSameInstant(HotlineTime.ZONE).toOffsetDateTime();
  }
}
