package cn.gov.xining.hotline.routing.learning;

/** No kept version of the model has this id. */
class UnknownModelVersionException extends RuntimeException {

  UnknownModelVersionException(String id) {
    super("no model version " + id);
  }
}
