package cn.gov.xining.hotline.routing.triage;

/**
 * Another dispatch of the ticket is under way, or its triage record changed since it was read: the
 * ticket may still be waiting, so a 404 would be untrue; the dispatcher reloads the backlog.
 */
class DispatchConflictException extends RuntimeException {

  private DispatchConflictException(String message) {
    super(message);
  }

  static DispatchConflictException underWay(String ticketNumber) {
    return new DispatchConflictException(
        "工单 " + ticketNumber + " 正在由他人分派 (being dispatched by someone else right now)");
  }

  static DispatchConflictException changed(String ticketNumber) {
    return new DispatchConflictException(
        "工单 " + ticketNumber + " 的待分派记录已更新，请刷新后重派 (its triage record changed; reload it)");
  }
}
