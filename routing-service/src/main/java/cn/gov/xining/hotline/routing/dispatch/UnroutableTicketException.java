package cn.gov.xining.hotline.routing.dispatch;

/** A record on the received topic that is not a ticket routing can decide. */
class UnroutableTicketException extends RuntimeException {

  UnroutableTicketException(String message) {
    super(message);
  }
}
