package cn.gov.xining.hotline.intake.idempotency;

/** The Idempotency-Key header is empty or longer than 200 characters. */
public class InvalidIdempotencyKeyException extends RuntimeException {

  public InvalidIdempotencyKeyException() {
    super("the Idempotency-Key header is empty or longer than 200 characters");
  }
}
