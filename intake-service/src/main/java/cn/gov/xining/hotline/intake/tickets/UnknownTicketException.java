package cn.gov.xining.hotline.intake.tickets;

/** No ticket with this number was taken here. */
public class UnknownTicketException extends RuntimeException {

  public UnknownTicketException(String ticketNumber) {
    super("没有编号为 %s 的工单 (no ticket numbered %s)".formatted(ticketNumber, ticketNumber));
  }
}
