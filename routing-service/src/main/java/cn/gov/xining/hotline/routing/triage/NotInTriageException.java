package cn.gov.xining.hotline.routing.triage;

/** The ticket is not waiting in triage: unknown, or already dispatched. */
class NotInTriageException extends RuntimeException {

  NotInTriageException(String ticketNumber) {
    super("工单 " + ticketNumber + " 不在待分派队列中 (not waiting in triage)");
  }
}
