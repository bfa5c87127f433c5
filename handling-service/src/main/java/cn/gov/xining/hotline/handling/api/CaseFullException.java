package cn.gov.xining.hotline.handling.api;

import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.handling.cases.CaseLimits;

/** The case can take no more of this: it holds as many notes or entries, or bytes, as it may. */
class CaseFullException extends RuntimeException {

  private final CaseLimits.Breach limit;
  private final CaseStatus status;

  CaseFullException(CaseLimits.Breach limit, CaseStatus status) {
    super(limit.message());
    this.limit = limit;
    this.status = status;
  }

  CaseLimits.Breach limit() {
    return limit;
  }

  CaseStatus status() {
    return status;
  }
}
