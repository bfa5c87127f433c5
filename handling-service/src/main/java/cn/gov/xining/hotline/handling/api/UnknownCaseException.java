package cn.gov.xining.hotline.handling.api;

/** No transferred ticket under this number. */
class UnknownCaseException extends RuntimeException {

  UnknownCaseException(String ticketNumber) {
    super("没有转办中的工单 %s (no ticket in handling numbered %s)".formatted(ticketNumber, ticketNumber));
  }
}
