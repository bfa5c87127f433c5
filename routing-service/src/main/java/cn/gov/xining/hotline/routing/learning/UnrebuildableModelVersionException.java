package cn.gov.xining.hotline.routing.learning;

/**
 * A version published before a restart cannot be retrained as it was: its examples are gone or
 * changed, or the retrained model is not the one that passed the gate.
 */
class UnrebuildableModelVersionException extends RuntimeException {

  private final String why;

  UnrebuildableModelVersionException(String id, String why) {
    super("model version " + id + " cannot be rebuilt: " + why);
    this.why = why;
  }

  String why() {
    return why;
  }
}
