package cn.gov.xining.hotline.routing.classifier;

/**
 * The topic model the router reads with now, and its version. Read once per decision, so one
 * decision is made, and named, by one version.
 */
public interface ActiveModel {

  /** A version of the model: {@code model-0} is the one trained on the shipped files. */
  record Model(String version, TopicClassifier classifier) {}

  Model current();

  /** A model that never changes, for tests and the benchmark. */
  static ActiveModel fixed(TopicClassifier classifier) {
    var model = new Model("model-0", classifier);
    return () -> model;
  }
}
