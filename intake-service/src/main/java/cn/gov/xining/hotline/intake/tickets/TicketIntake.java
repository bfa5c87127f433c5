package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.callers.CallerPrivacy;
import cn.gov.xining.hotline.intake.callers.CallerRecords;
import cn.gov.xining.hotline.intake.numbering.TicketNumbers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
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
  private final CallerPrivacy privacy;
  private final CallerRecords callers;

  TicketIntake(
      TicketValidator validator,
      TicketNumbers numbers,
      TicketPublisher publisher,
      Clock clock,
      MeterRegistry meters,
      CallerPrivacy privacy,
      CallerRecords callers) {
    this.validator = validator;
    this.numbers = numbers;
    this.publisher = publisher;
    this.clock = clock;
    this.meters = meters;
    this.privacy = privacy;
    this.callers = callers;
  }

  TicketReceipt receive(TicketRequest request) {
    var violations = validator.violations(request);
    if (!violations.isEmpty()) {
      throw new InvalidTicketException(violations);
    }
    var now = HotlineTime.now(clock);
    var receivedAt =
        request.receivedAt() == null
            ? now
            : OffsetDateTime.parse(request.receivedAt())
                .atZoneSameInstant(HotlineTime.ZONE)
                .toOffsetDateTime();
    String phone = blankToNull(request.callerPhone());
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            numbers.next(now.toLocalDate()),
            receivedAt,
            request.channel(),
            request.appealType() == null ? null : AppealType.valueOf(request.appealType()),
            request.content().strip(),
            blankToNull(request.address()),
            request.districtCode(),
            request.topicCode(),
            phone == null ? null : CallerPrivacy.mask(phone),
            phone == null ? null : privacy.hash(phone),
            request.latitude(),
            request.longitude(),
            request.isAnsweredOnCall(),
            blankToNull(request.answer()),
            blankToNull(request.batchLabel()),
            request.attachments());
    // Kept before publishing so the callback number is never missing for a published ticket; a
    // ticket the broker refused leaves a row no one can look up by number.
    callers.keep(ticket.ticketNumber(), receivedAt, blankToNull(request.callerName()), phone);
    publisher.publish(ticket);
    meters.counter("hotline.tickets.accepted", "channel", ticket.channel()).increment();
    return new TicketReceipt(ticket.ticketNumber(), ticket.receivedAt(), "RECEIVED");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
