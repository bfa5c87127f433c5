package cn.gov.xining.hotline.routing.learning;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version of the topic model, published on {@code routing-models} keyed by its id.
 *
 * @param id {@code model-N}; {@code model-0} is the model trained on the shipped files only
 * @param trainedAt when it was trained
 * @param examplesUsed how many dispatchers' examples it was trained on
 * @param heldBack how many examples were held back to evaluate it
 * @param candidate its accuracy, in per cent
 * @param previous the accuracy of the version active when it was trained, on the same examples
 * @param previousVersion that version's id
 * @param status whether it is the active version, was, or failed the gate
 * @param reason why, in words
 * @param exampleTicketNumbers the examples it was trained on, in training order, so it can be
 *     retrained after a restart
 * @param examplesDigest SHA-256 of those examples as trained on (number, label and text): a
 *     retraining after a restart must find the very same examples, not a later dispatch of the same
 *     ticket; null for {@code model-0} and for records published before it existed
 */
public record ModelVersion(
    String id,
    OffsetDateTime trainedAt,
    int examplesUsed,
    int heldBack,
    Accuracy candidate,
    Accuracy previous,
    String previousVersion,
    Status status,
    String reason,
    List<String> exampleTicketNumbers,
    String examplesDigest) {

  /** The most examples a version is trained on (the latest ones): bounds the published record. */
  public static final int MAX_EXAMPLES = 20_000;

  /**
   * Topic accuracy in per cent.
   *
   * @param heldBack on the held-back examples; null when none was held back
   * @param evaluation on the evaluation set
   */
  public record Accuracy(Double heldBack, double evaluation) {}

  public enum Status {
    ACTIVE,
    /** Was active, and another version is now. */
    RETIRED,
    /** Failed the gate when trained: never active unless activated by hand. */
    REJECTED
  }

  ModelVersion withStatus(Status status, String reason) {
    return new ModelVersion(
        id,
        trainedAt,
        examplesUsed,
        heldBack,
        candidate,
        previous,
        previousVersion,
        status,
        reason,
        exampleTicketNumbers,
        examplesDigest);
  }

  /** N of {@code model-N}; -1 for an id of another form, which routing never writes. */
  int number() {
    try {
      return id.startsWith("model-") ? Integer.parseInt(id.substring("model-".length())) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
