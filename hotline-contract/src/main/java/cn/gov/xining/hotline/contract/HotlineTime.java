package cn.gov.xining.hotline.contract;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The hotline's clock: every day, deadline and report is in Asia/Shanghai time. */
public final class HotlineTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private HotlineTime() {}

  /** Now, as an offset date-time in Asia/Shanghai (+08:00), to the millisecond. */
  public static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock.withZone(ZONE)).truncatedTo(ChronoUnit.MILLIS);
  }

  /** The hotline day an instant falls on, whatever offset it was written with. */
  public static LocalDate dayOf(OffsetDateTime time) {
    return time.atZoneSameInstant(ZONE).toLocalDate();
  }
}
