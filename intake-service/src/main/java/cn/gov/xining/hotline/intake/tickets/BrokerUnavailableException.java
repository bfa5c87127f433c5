package cn.gov.xining.hotline.intake.tickets;

/** The broker did not acknowledge a ticket in time; the ticket was not accepted. */
class BrokerUnavailableException extends RuntimeException {

  BrokerUnavailableException(Throwable cause) {
    super("the ticket could not be made durable", cause);
  }
}
