package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.contract.HotlineRole;
import cn.gov.xining.hotline.intake.history.TicketHistory;
import cn.gov.xining.hotline.intake.history.TicketRecord;
import cn.gov.xining.hotline.intake.idempotency.IdempotentRequests;
import cn.gov.xining.hotline.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The native ticket API. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

  private final TicketIntake intake;
  private final IdempotentRequests idempotent;
  private final TicketHistory history;

  TicketController(TicketIntake intake, IdempotentRequests idempotent, TicketHistory history) {
    this.intake = intake;
    this.idempotent = idempotent;
    this.history = history;
  }

  /** The ticket as published and its status history, as far as intake knows it. */
  @GetMapping("/{ticketNumber}")
  TicketRecord ticket(@PathVariable String ticketNumber) {
    return history.find(ticketNumber).orElseThrow(() -> new UnknownTicketException(ticketNumber));
  }

  /**
   * With an {@code Idempotency-Key}, a retried request returns the same ticket (same number), the
   * same key with another body is refused (422), and a duplicate sent while the first is still
   * being processed gets 409.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  TicketReceipt receive(
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody TicketRequest request,
      Caller caller) {
    if (!caller.has(HotlineRole.OPERATOR)) {
      // A channel's system posts for its own channel only; operators type in every channel's.
      mustBeOwnChannel(caller, request.channel());
    }
    if (idempotencyKey == null) {
      return intake.receive(request, caller.name());
    }
    return idempotent.once(
        caller.name(),
        idempotencyKey,
        request,
        TicketReceipt.class,
        () -> intake.receive(request, caller.name()));
  }

  private static void mustBeOwnChannel(Caller gateway, String channel) {
    if (gateway.channel() == null || !gateway.channel().equals(channel)) {
      throw new AccessDeniedException(
          "channel 须为本渠道 %s，不能代替 %s 提交 (a gateway posts for its own channel %s only, not %s)"
              .formatted(gateway.channel(), channel, gateway.channel(), channel));
    }
  }
}
