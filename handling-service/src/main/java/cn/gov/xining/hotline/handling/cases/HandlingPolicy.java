package cn.gov.xining.hotline.handling.cases;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hotline centre's handling rules.
 *
 * @param returnsBeforeSupervisor after this many returns a ticket goes to a supervisor instead of
 *     being routed again (a return loop)
 * @param extensionCutOff extension requests made after this time of day (Asia/Shanghai) are
 *     refused; Xining's is 17:00
 * @param warningShare the share of the time limit used, in working time, at which a deadline
 *     warning goes out; from 0 to 1
 * @param reopenWhenNotSatisfied whether a callback with 不满意 re-opens the ticket to the same unit
 * @param deadlineCheckInterval how often the deadline watch looks at the open tickets
 */
@ConfigurationProperties("hotline.handling")
public record HandlingPolicy(
    @DefaultValue("3") int returnsBeforeSupervisor,
    @DefaultValue("17:00") LocalTime extensionCutOff,
    @DefaultValue("0.8") double warningShare,
    @DefaultValue("true") boolean reopenWhenNotSatisfied,
    @DefaultValue("30s") Duration deadlineCheckInterval) {

  public HandlingPolicy {
    // Refused at start-up: 80 instead of 0.8 would otherwise fail the deadline watch at every turn.
    if (!(warningShare >= 0 && warningShare <= 1)) {
      throw new IllegalArgumentException("warning-share must be from 0 to 1: " + warningShare);
    }
  }
}
