package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.numbering.TicketNumbers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Turns a valid request into a numbered, published ticket. */
@Service
class TicketIntake {

  private final TicketValidator validator;
  private final TicketNumbers numbers;
  private final TicketPublisher publisher;
  private final Clock clock;
  private final MeterRegistry meters;

  TicketIntake(
      TicketValidator validator,
      TicketNumbers numbers,
      TicketPublisher publisher,
      Clock clock,
      MeterRegistry meters) {
    this.validator = validator;
    this.numbers = numbers;
    this.publisher = publisher;
    this.clock = clock;
    this.meters = meters;
  }

  TicketReceipt receive(TicketRequest request) {
    var violations = validator.violations(request);
    if (!violations.isEmpty()) {
      throw new InvalidTicketException(violations);
    }
    var receivedAt = HotlineTime.now(clock);
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            numbers.next(receivedAt.toLocalDate()),
            receivedAt,
            request.channel(),
            request.appealType() == null ? null : AppealType.valueOf(request.appealType()),
            request.content().strip(),
            blankToNull(request.address()),
            request.districtCode(),
            request.topicCode());
    publisher.publish(ticket);
    meters.counter("hotline.tickets.accepted", "channel", ticket.channel()).increment();
    return new TicketReceipt(ticket.ticketNumber(), ticket.receivedAt(), "RECEIVED");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
