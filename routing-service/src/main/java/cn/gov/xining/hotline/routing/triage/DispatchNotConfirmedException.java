package cn.gov.xining.hotline.routing.triage;

import java.time.Duration;

/**
 * Whether the ticket was dispatched elsewhere could not be read in time, because a transaction
 * still open on its partition of {@code tickets-triage} holds back what follows it. Nothing was
 * dispatched; trying again shortly succeeds once that transaction ends.
 */
class DispatchNotConfirmedException extends RuntimeException {

  DispatchNotConfirmedException(String ticketNumber, Duration waited) {
    super(
        "工单 %s 未能在 %d 秒内确认无人分派，未派出，请稍后重试 (not confirmed within %s; nothing dispatched, try again)"
            .formatted(ticketNumber, waited.toSeconds(), waited));
  }
}
