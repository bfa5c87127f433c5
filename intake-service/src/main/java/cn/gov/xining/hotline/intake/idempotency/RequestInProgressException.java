package cn.gov.xining.hotline.intake.idempotency;

/** A request with this Idempotency-Key is still being processed. */
public class RequestInProgressException extends RuntimeException {

  public RequestInProgressException() {
    super("a request with this Idempotency-Key is still being processed");
  }
}
