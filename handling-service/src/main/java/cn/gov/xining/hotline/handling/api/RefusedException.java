package cn.gov.xining.hotline.handling.api;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseStatus;

/** What the case's current state does not allow, refused as the handling processor would. */
class RefusedException extends RuntimeException {

  private final CaseStatus status;

  RefusedException(CaseEvent refusal) {
    super(refusal.detail());
    this.status = refusal.status();
  }

  /** The case's status the report or action was judged against. */
  CaseStatus status() {
    return status;
  }
}
