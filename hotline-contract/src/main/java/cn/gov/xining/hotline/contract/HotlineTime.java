package cn.gov.xining.hotline.contract;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The hotline's clock: every day, deadline and report is in Asia/Shanghai time. */
public final class HotlineTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private HotlineTime() {}

  /** Now, as an offset date-time in Asia/Shanghai (+08:00). */
  public static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock.withZone(ZONE));
  }

  /** The hotline day an instant falls on, whatever offset it was written with. */
  public static LocalDate dayOf(OffsetDateTime time) {
    return time.atZoneSameInstant(ZONE).toLocalDate();
  }
}
