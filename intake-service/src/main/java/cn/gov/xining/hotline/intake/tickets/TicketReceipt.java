package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.intake.repeats.SameProblem;
import java.time.OffsetDateTime;

/**
 * What the operator reads back to the caller: the ticket number and when it was taken, and, when
 * the appeal repeats a problem a unit is already handling, that ticket (重复件); otherwise null.
 */
public record TicketReceipt(
    String ticketNumber, OffsetDateTime receivedAt, String status, SameProblem sameProblem) {

  public TicketReceipt(String ticketNumber, OffsetDateTime receivedAt, String status) {
    this(ticketNumber, receivedAt, status, null);
  }
}
