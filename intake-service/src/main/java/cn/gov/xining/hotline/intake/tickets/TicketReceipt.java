package cn.gov.xining.hotline.intake.tickets;

import java.time.OffsetDateTime;

/** What the operator reads back to the caller: the ticket number and when it was taken. */
public record TicketReceipt(String ticketNumber, OffsetDateTime receivedAt, String status) {}
