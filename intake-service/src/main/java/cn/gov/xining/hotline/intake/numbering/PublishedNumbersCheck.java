package cn.gov.xining.hotline.intake.numbering;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads today's published numbers as soon as intake is up, off the start-up thread, so the first
 * operator does not wait for it (and intake starts even while the broker is away).
 */
@Component
class PublishedNumbersCheck {

  private final TicketNumbers numbers;
  private final Clock clock;

  PublishedNumbersCheck(TicketNumbers numbers, Clock clock) {
    this.numbers = numbers;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void checkToday() {
    var check =
        new Thread(
            () -> numbers.checkPublished(HotlineTime.now(clock).toLocalDate()),
            "published-numbers-check");
    check.setDaemon(true);
    check.start();
  }
}
