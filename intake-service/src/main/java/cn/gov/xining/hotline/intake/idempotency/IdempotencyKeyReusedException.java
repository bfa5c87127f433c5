package cn.gov.xining.hotline.intake.idempotency;

/** The Idempotency-Key was used before with another request. */
public class IdempotencyKeyReusedException extends RuntimeException {

  public IdempotencyKeyReusedException() {
    super("the Idempotency-Key was used before with another request");
  }
}
