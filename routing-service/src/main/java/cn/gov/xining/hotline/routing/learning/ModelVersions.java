package cn.gov.xining.hotline.routing.learning;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.classifier.ActiveModel;
import cn.gov.xining.hotline.routing.classifier.ClassifierProperties;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.learning.CompactedTopic.Timestamped;
import cn.gov.xining.hotline.routing.learning.ModelVersion.Accuracy;
import cn.gov.xining.hotline.routing.learning.ModelVersion.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versions of the topic model, kept in memory, and the active one the router reads with. {@code
 * model-0} is trained on the shipped files, as at every start; a new version is trained on them
 * plus the dispatchers' examples but a held-back fifth, and becomes active only if it is not worse
 * than the active one on the held-back examples and at most {@value #EVALUATION_TOLERANCE} point
 * worse on the evaluation set. Every version is published on {@code routing-models}, from which
 * {@link #restore} brings them back at start, the active one retrained on the same examples.
 */
@Service
public class ModelVersions implements ActiveModel {

  /**
   * Per-cent points a new version may lose on the evaluation set (it reads unlike the examples).
   */
  static final double EVALUATION_TOLERANCE = 1.0;

  static final String EVALUATION_SET = "classifier/evaluation/complaints-holdout-2.jsonl";

  static final String SHIPPED = "model-0";

  private static final Logger log = LoggerFactory.getLogger(ModelVersions.class);

  private record Labelled(String topic, String text) {}

  /** A version and its model; a version restored at start has none until it is activated. */
  private record Kept(ModelVersion record, TopicClassifier classifier) {}

  private final TopicClassifier shipped;
  private final DispatchedExamples examples;
  private final ClassifierProperties properties;
  private final KafkaTemplate<String, Object> kafka;
  private final Clock clock;
  private final List<Labelled> evaluationSet;
  private final Map<String, Kept> versions = new LinkedHashMap<>();
  private volatile Model active;

  ModelVersions(
      TopicClassifier shipped,
      DispatchedExamples examples,
      ClassifierProperties properties,
      KafkaTemplate<String, Object> kafka,
      Clock clock) {
    this.shipped = shipped;
    this.examples = examples;
    this.properties = properties;
    this.kafka = kafka;
    this.clock = clock;
    this.evaluationSet = evaluationSet();
    var first =
        new ModelVersion(
            SHIPPED,
            HotlineTime.now(clock),
            0,
            0,
            null,
            null,
            null,
            Status.ACTIVE,
            "trained on the shipped files (" + properties.trainingData() + ")",
            List.of(),
            null);
    versions.put(first.id(), new Kept(first, shipped));
    this.active = new Model(first.id(), shipped);
  }

  @Override
  public Model current() {
    return active;
  }

  /** Every version, oldest first. */
  public synchronized List<ModelVersion> all() {
    return versions.values().stream().map(Kept::record).toList();
  }

  /** Trains, evaluates and, if it passes the gate, activates a new version. */
  public synchronized ModelVersion train() {
    var all = examples.all();
    if (all.size() > ModelVersion.MAX_EXAMPLES) {
      all = all.subList(all.size() - ModelVersion.MAX_EXAMPLES, all.size());
    }
    var training = all.stream().filter(example -> !example.heldBack()).toList();
    var heldBack = all.stream().filter(DispatchedExample::heldBack).toList();
    var candidate = trainedOn(training);
    var previous = active;

    var candidateAccuracy = accuracyOf(candidate, heldBack);
    var previousAccuracy = accuracyOf(previous.classifier(), heldBack);
    String id = "model-" + nextNumber();
    String reason = gate(candidateAccuracy, previousAccuracy);
    var status = reason == null ? Status.ACTIVE : Status.REJECTED;
    var record =
        new ModelVersion(
            id,
            HotlineTime.now(clock),
            training.size(),
            heldBack.size(),
            candidateAccuracy,
            previousAccuracy,
            previous.version(),
            status,
            reason == null ? "not worse than " + previous.version() : reason,
            training.stream().map(DispatchedExample::ticketNumber).toList(),
            digestOf(training));
    var trained = new Kept(record, candidate);
    if (status == Status.ACTIVE) {
      switchTo(trained);
    } else {
      publish(record);
      versions.put(id, trained);
    }
    return record;
  }

  /** Makes a kept version the active one again: a rollback, or a roll forward. */
  public synchronized ModelVersion activate(String id) {
    var kept = versions.get(id);
    if (kept == null) {
      throw new UnknownModelVersionException(id);
    }
    if (kept.record().status() == Status.REJECTED) {
      throw new RejectedModelVersionException(id);
    }
    if (!id.equals(active.version())) {
      switchTo(kept.classifier() != null ? kept : rebuilt(kept.record()));
    }
    return versions.get(id).record();
  }

  /**
   * At start, before routing decides a ticket: the versions as last published, and the one last
   * activated active again, retrained on the shipped files and the very examples it was trained on
   * (the model is counts, so the same examples make the same model). One that cannot be rebuilt is
   * retired, loudly, and {@code model-0} decides: a start must not fail for a lost example.
   *
   * @param published the latest record per version id on {@code routing-models}
   */
  synchronized void restore(Map<String, Timestamped<ModelVersion>> published) {
    published.values().stream()
        .map(Timestamped::value)
        .sorted(Comparator.comparingInt(ModelVersion::number))
        .forEach(
            record ->
                versions.put(
                    record.id(), new Kept(record, SHIPPED.equals(record.id()) ? shipped : null)));
    var activated =
        published.values().stream()
            .filter(one -> one.value().status() == Status.ACTIVE)
            .sorted(Comparator.comparingLong(Timestamped<ModelVersion>::timestamp).reversed())
            .map(Timestamped::value)
            .toList();
    String last = activated.isEmpty() ? SHIPPED : activated.get(0).id();
    // Two instances switching at once could leave two active; the later activation counts.
    activated.stream()
        .filter(other -> !other.id().equals(last))
        .forEach(
            other ->
                versions.put(
                    other.id(),
                    new Kept(
                        other.withStatus(Status.RETIRED, "replaced by " + last),
                        versions.get(other.id()).classifier())));
    if (SHIPPED.equals(last)) {
      var first = versions.get(SHIPPED).record();
      if (first.status() != Status.ACTIVE) {
        versions.put(
            SHIPPED,
            new Kept(first.withStatus(Status.ACTIVE, "no other version is active"), shipped));
      }
      log.info(
          "{} model versions restored from {}; model-0 is active",
          published.size(),
          Topics.ROUTING_MODELS);
      return;
    }
    var record = activated.get(0);
    try {
      var rebuilt = rebuilt(record);
      versions.put(record.id(), rebuilt);
      active = new Model(record.id(), rebuilt.classifier());
      log.info(
          "{} model versions restored from {}; {} is active again, retrained on its {} examples",
          published.size(),
          Topics.ROUTING_MODELS,
          record.id(),
          record.examplesUsed());
    } catch (UnrebuildableModelVersionException e) {
      log.error(
          "THE ACTIVE MODEL VERSION {} CANNOT BE REBUILT: {}. It is retired, and routing decides"
              + " with model-0 (the shipped files only) until a rules administrator trains or"
              + " activates another version.",
          record.id(),
          e.why());
      fallBackToShipped(record, e.why());
    }
  }

  /**
   * Per ISO week ({@code 2026-W49}): the dispatchers' corrections, and how often the model was
   * right.
   */
  public List<WeekOfCorrections> corrections() {
    var weeks = new TreeMap<String, int[]>();
    for (var example : examples.all()) {
      String week =
          "%d-W%02d"
              .formatted(
                  example.at().get(IsoFields.WEEK_BASED_YEAR),
                  example.at().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      var counts = weeks.computeIfAbsent(week, w -> new int[2]);
      counts[0]++;
      if (example.proposedRight()) {
        counts[1]++;
      }
    }
    var answer = new ArrayList<WeekOfCorrections>();
    weeks.forEach(
        (week, counts) ->
            answer.add(
                new WeekOfCorrections(week, counts[0], counts[1], percent(counts[1], counts[0]))));
    return answer;
  }

  /**
   * One ISO week of manual dispatches.
   *
   * @param week e.g. {@code 2026-W49}
   * @param corrections the dispatchers' dispatches from triage: the examples
   * @param proposedRight how many of them the model had proposed the topic of
   * @param share that share, in per cent
   */
  public record WeekOfCorrections(String week, int corrections, int proposedRight, double share) {}

  /** Published first: if Kafka refuses, nothing changes here either. */
  private void switchTo(Kept next) {
    String previous = active.version();
    var retired = versions.get(previous);
    var retiredRecord =
        retired.record().withStatus(Status.RETIRED, "replaced by " + next.record().id());
    // A version that just passed the gate keeps the gate's reason; a rollback says so.
    var activeRecord =
        next.record().status() == Status.ACTIVE
            ? next.record()
            : next.record().withStatus(Status.ACTIVE, "activated again after " + previous);
    publish(retiredRecord, activeRecord);
    versions.put(previous, new Kept(retiredRecord, retired.classifier()));
    versions.put(activeRecord.id(), new Kept(activeRecord, next.classifier()));
    active = new Model(activeRecord.id(), next.classifier());
  }

  /** Retires a version that cannot be rebuilt, published so that the API and the topic say so. */
  private void fallBackToShipped(ModelVersion lost, String why) {
    var retired =
        lost.withStatus(
            Status.RETIRED, "could not be rebuilt at start (" + why + "); model-0 active instead");
    var first = versions.get(SHIPPED);
    var activeAgain =
        first
            .record()
            .withStatus(Status.ACTIVE, "active again: " + lost.id() + " could not be rebuilt");
    try {
      publish(retired, activeAgain);
    } catch (RuntimeException e) {
      // The next start finds the version active on the topic and tries again.
      log.error(
          "could not publish the retirement of {} on {}", lost.id(), Topics.ROUTING_MODELS, e);
    }
    versions.put(lost.id(), new Kept(retired, null));
    versions.put(SHIPPED, new Kept(activeAgain, shipped));
    active = new Model(SHIPPED, shipped);
  }

  /**
   * A published version's model, retrained as it was: the same examples by number, unchanged since
   * (its digest), and the same accuracy on the evaluation set as when it was gated (else the
   * shipped files or the model's code have changed, and it is not the version that passed).
   */
  private Kept rebuilt(ModelVersion record) {
    var numbers = Objects.requireNonNullElse(record.exampleTicketNumbers(), List.<String>of());
    var training = new ArrayList<DispatchedExample>();
    var lost = new ArrayList<String>();
    for (String number : numbers) {
      examples.of(number).ifPresentOrElse(training::add, () -> lost.add(number));
    }
    if (!lost.isEmpty()) {
      throw new UnrebuildableModelVersionException(
          record.id(),
          "%d of its %d examples are no longer on %s (%s)"
              .formatted(
                  lost.size(),
                  numbers.size(),
                  Topics.ROUTING_EXAMPLES,
                  String.join(", ", lost.subList(0, Math.min(3, lost.size())))
                      + (lost.size() > 3 ? ", …" : "")));
    }
    if (record.examplesDigest() != null && !record.examplesDigest().equals(digestOf(training))) {
      throw new UnrebuildableModelVersionException(
          record.id(),
          "its examples have changed since it was trained (a ticket dispatched again)");
    }
    var classifier = trainedOn(training);
    if (record.candidate() != null) {
      double evaluation = accuracyOn(classifier, evaluationSet);
      if (evaluation != record.candidate().evaluation()) {
        throw new UnrebuildableModelVersionException(
            record.id(),
            ("retrained it scores %.1f %% on the evaluation set, not the %.1f %% it passed the"
                    + " gate with (the shipped training files or the model have changed)")
                .formatted(evaluation, record.candidate().evaluation()));
      }
    }
    return new Kept(record, classifier);
  }

  private int nextNumber() {
    return versions.values().stream().mapToInt(kept -> kept.record().number()).max().orElse(0) + 1;
  }

  /** SHA-256 of the examples in training order: number, label and text of each. */
  private static String digestOf(List<DispatchedExample> training) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (var example : training) {
        for (String part :
            new String[] {example.ticketNumber(), example.topicCode(), example.text()}) {
          digest.update(Objects.toString(part, "").getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Why the candidate may not become active; null when it may. */
  private static String gate(Accuracy candidate, Accuracy previous) {
    if (candidate.heldBack() != null && candidate.heldBack() < previous.heldBack()) {
      return "worse on the held-back examples: %.1f %% against %.1f %%"
          .formatted(candidate.heldBack(), previous.heldBack());
    }
    if (candidate.evaluation() < previous.evaluation() - EVALUATION_TOLERANCE) {
      return "more than %.0f point worse on the evaluation set: %.1f %% against %.1f %%"
          .formatted(EVALUATION_TOLERANCE, candidate.evaluation(), previous.evaluation());
    }
    return null;
  }

  private TopicClassifier trainedOn(List<DispatchedExample> training) {
    var classifier =
        TopicClassifier.trainedOn(properties.trainingData(), properties.minimumMargin());
    training.forEach(example -> classifier.learn(example.topicCode(), example.text()));
    return classifier;
  }

  private Accuracy accuracyOf(TopicClassifier model, List<DispatchedExample> heldBack) {
    var held =
        heldBack.stream()
            .map(example -> new Labelled(example.topicCode(), example.text()))
            .toList();
    return new Accuracy(
        held.isEmpty() ? null : accuracyOn(model, held), accuracyOn(model, evaluationSet));
  }

  private static double accuracyOn(TopicClassifier model, List<Labelled> labelled) {
    long right =
        labelled.stream()
            .filter(
                one ->
                    model
                        .read(one.text())
                        .map(TopicClassifier.Guess::topic)
                        .filter(one.topic()::equals)
                        .isPresent())
            .count();
    return percent((int) right, labelled.size());
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
  }

  /** In one transaction: a switch publishes the retired and the active version together. */
  private void publish(ModelVersion... records) {
    kafka.executeInTransaction(
        operations -> {
          for (var record : records) {
            operations.send(Topics.ROUTING_MODELS, record.id(), record);
          }
          return records.length;
        });
  }

  private static List<Labelled> evaluationSet() {
    var json = JsonMapper.builder().build();
    try {
      return new ClassPathResource(EVALUATION_SET)
          .getContentAsString(StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .map(line -> json.readValue(line, JsonNode.class))
          .map(
              one ->
                  new Labelled(
                      one.path("expected").path("topic").asString(), one.path("text").asString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
