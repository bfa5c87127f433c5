package cn.gov.xining.hotline.routing.learning;

/** The version failed the gate when it was trained, so it is not activated by a rollback. */
class RejectedModelVersionException extends RuntimeException {

  RejectedModelVersionException(String id) {
    super("model version " + id + " was rejected by the gate and cannot be activated");
  }
}
