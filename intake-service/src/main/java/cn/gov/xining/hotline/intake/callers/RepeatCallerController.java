package cn.gov.xining.hotline.intake.callers;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the operator on the line: the caller's earlier tickets of the last 90 days. A POST, so the
 * number never appears in a URL or an access log.
 */
@RestController
class RepeatCallerController {

  private static final Duration LOOK_BACK = Duration.ofDays(90);

  private final CallerRecords callers;
  private final Clock clock;

  RepeatCallerController(CallerRecords callers, Clock clock) {
    this.callers = callers;
    this.clock = clock;
  }

  record Lookup(String phone) {}

  @PostMapping(value = "/api/callers/tickets", consumes = MediaType.APPLICATION_JSON_VALUE)
  List<CallerRecords.EarlierTicket> earlierTickets(@RequestBody Lookup lookup) {
    if (lookup.phone() == null || lookup.phone().isBlank()) {
      return List.of();
    }
    return callers.ticketsOf(lookup.phone(), HotlineTime.now(clock).minus(LOOK_BACK));
  }
}
