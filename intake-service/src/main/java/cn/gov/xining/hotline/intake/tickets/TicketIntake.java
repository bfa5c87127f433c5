package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.callers.CallerPrivacy;
import cn.gov.xining.hotline.intake.callers.CallerRecords;
import cn.gov.xining.hotline.intake.masking.PersonalNumbers;
import cn.gov.xining.hotline.intake.numbering.TicketNumbers;
import cn.gov.xining.hotline.intake.outbox.Durability;
import cn.gov.xining.hotline.intake.outbox.StoredTicket;
import cn.gov.xining.hotline.intake.outbox.TicketOutbox;
import cn.gov.xining.hotline.intake.outbox.TicketPublisher;
import cn.gov.xining.hotline.intake.repeats.RepeatAppeals;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a valid request into a numbered, stored ticket and hands it to Kafka. The number is given
 * out only once the ticket is in intake's database; whether Kafka acknowledged it while the
 * operator waited only decides between {@code PUBLISHED} and {@code QUEUED}.
 */
@Service
public class TicketIntake {

  private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);

  private final TicketValidator validator;
  private final TicketNumbers numbers;
  private final TicketOutbox outbox;
  private final TicketPublisher publisher;
  private final Clock clock;
  private final MeterRegistry meters;
  private final CallerRecords callers;
  private final TransactionTemplate transaction;
  private final Durability durability;
  private final RepeatAppeals repeats;

  TicketIntake(
      TicketValidator validator,
      TicketNumbers numbers,
      TicketOutbox outbox,
      TicketPublisher publisher,
      Clock clock,
      MeterRegistry meters,
      CallerRecords callers,
      TransactionTemplate transaction,
      Durability durability,
      RepeatAppeals repeats) {
    this.validator = validator;
    this.numbers = numbers;
    this.outbox = outbox;
    this.publisher = publisher;
    this.clock = clock;
    this.meters = meters;
    this.callers = callers;
    this.transaction = transaction;
    this.durability = durability;
    this.repeats = repeats;
  }

  /**
   * @param request what the operator or gateway sent
   * @param receivedBy the authenticated principal who sent it, recorded on the ticket
   */
  public TicketReceipt receive(TicketRequest request, String receivedBy) {
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
    var caller = callers.seal(blankToNull(request.callerName()), phone);
    var appeal =
        new TicketReceived(
            UUID.randomUUID(),
            numbers.next(now.toLocalDate()),
            receivedAt,
            request.channel(),
            request.appealType() == null ? null : AppealType.valueOf(request.appealType()),
            // A number the citizen says in the appeal is masked before it is stored or published.
            PersonalNumbers.mask(request.content().strip()),
            PersonalNumbers.mask(blankToNull(request.address())),
            request.districtCode(),
            request.topicCode(),
            phone == null ? null : CallerPrivacy.mask(phone),
            // The keyed hash stays in intake (repeat callers): with the key, an 11-digit number
            // is found again from its hash and mask in 10,000 tries, and no reader needs it.
            null,
            request.latitude(),
            request.longitude(),
            request.isAnsweredOnCall(),
            PersonalNumbers.mask(blankToNull(request.answer())),
            PersonalNumbers.mask(blankToNull(request.batchLabel())),
            request.attachments(),
            receivedBy);
    var repeat = repeats.find(appeal);
    var ticket = repeat.map(found -> appeal.repeating(found.openTicket())).orElse(appeal);
    // Serialised here rather than in the shared commit: the single writer should only write.
    String eventJson = EventJson.MAPPER.writeValueAsString(ticket);
    transaction.executeWithoutResult(
        stored -> {
          callers.keep(ticket.ticketNumber(), receivedAt, caller);
          outbox.store(ticket, eventJson, now);
          repeats.remember(ticket);
        });
    // The number is read to the caller from here on: the ticket must survive a killed process.
    durability.awaitDurable();
    meters.counter("hotline.tickets.accepted", "channel", ticket.channel()).increment();
    boolean published = publisher.publishNow(new StoredTicket(ticket.ticketNumber(), eventJson));
    // With the request's trace id, which the record on tickets-received carries on to routing.
    log.info(
        "ticket {} accepted from {}: {}",
        ticket.ticketNumber(),
        ticket.channel(),
        published ? "PUBLISHED" : "QUEUED");
    return new TicketReceipt(
        ticket.ticketNumber(),
        ticket.receivedAt(),
        published ? "PUBLISHED" : "QUEUED",
        repeat.map(RepeatAppeals.Repeat::answer).orElse(null));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
