package cn.gov.xining.hotline.routing.learning;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.classifier.ActiveModel;
import cn.gov.xining.hotline.routing.classifier.ClassifierProperties;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.compacted.FollowedTopic;
import cn.gov.xining.hotline.routing.learning.ModelVersion.Accuracy;
import cn.gov.xining.hotline.routing.learning.ModelVersion.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versions of the topic model, kept in memory, and the active one the router reads with. {@code
 * model-0} is trained on the shipped files, as at every start; a new version is trained on them
 * plus the dispatchers' examples but a held-back fifth, and becomes active only if it is not worse
 * than the active one on the held-back examples and at most {@value #EVALUATION_TOLERANCE} point
 * worse on the evaluation set.
 *
 * <p>Every version is published on {@code routing-models}, which every instance follows: a change
 * accepted here is published and answered once this instance's follower has made it active, and
 * every instance makes active what the topic says is, the later activation by record time winning
 * (as at start), so all of them converge on the last version activated. A model trained or rebuilt
 * here is held, so it is never trained twice on one instance; one activated elsewhere is rebuilt
 * from its examples and checked as at start ({@link #restore}); one that cannot be is logged as an
 * ERROR and the model active here stays.
 */
@Service
public class ModelVersions implements ActiveModel {

  /**
   * Per-cent points a new version may lose on the evaluation set (it reads unlike the examples).
   */
  static final double EVALUATION_TOLERANCE = 1.0;

  static final String EVALUATION_SET = "classifier/evaluation/complaints-holdout-2.jsonl";

  static final String SHIPPED = "model-0";

  /** How long a change waits to be active here once written, before the answer says it is not. */
  private static final Duration ACTIVE_HERE_WITHIN = Duration.ofSeconds(30);

  /** How long a version activated elsewhere waits for this instance to read its examples. */
  private static final Duration EXAMPLES_WITHIN = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(ModelVersions.class);

  private record Labelled(String topic, String text) {}

  /** A version's model held in memory, trained or rebuilt here, and the record it was made for. */
  private record Held(ModelVersion record, TopicClassifier classifier) {}

  /** A version as read from {@code routing-models}, with its record's timestamp. */
  private record Published(ModelVersion version, long timestamp) {}

  private final TopicClassifier shipped;
  private final DispatchedExamples examples;
  private final ClassifierProperties properties;
  private final KafkaTemplate<String, Object> kafka;
  private final FollowedTopic topic;
  private final Clock clock;
  private final List<Labelled> evaluationSet;

  /** Every version as last read from the topic (or restored), oldest first; guarded by this. */
  private final Map<String, ModelVersion> versions = new LinkedHashMap<>();

  private final Map<String, Held> models = new ConcurrentHashMap<>();

  /** Changes accepted here one at a time: each is measured against the version it replaces. */
  private final Object changing = new Object();

  private volatile Model active;

  /** The record time of the activation in force here: an earlier one read later is outdated. */
  private volatile long activatedAt = Long.MIN_VALUE;

  /**
   * @param consumers Spring Boot's consumer factory: its properties hold the broker as connected (a
   *     service connection in tests included) and the login
   */
  ModelVersions(
      TopicClassifier shipped,
      DispatchedExamples examples,
      ClassifierProperties properties,
      KafkaTemplate<String, Object> kafka,
      ConsumerFactory<?, ?> consumers,
      Clock clock) {
    this.shipped = shipped;
    this.examples = examples;
    this.properties = properties;
    this.kafka = kafka;
    this.topic = new FollowedTopic(consumers.getConfigurationProperties(), Topics.ROUTING_MODELS);
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
    versions.put(first.id(), first);
    this.active = new Model(first.id(), shipped);
  }

  /** The version this instance decides with now. */
  @Override
  public Model current() {
    return active;
  }

  /** Every version, oldest first, as {@code routing-models} last said. */
  public synchronized List<ModelVersion> all() {
    return List.copyOf(versions.values());
  }

  /**
   * Trains, evaluates and, if it passes the gate, activates a new version: answered once it is
   * active on this instance; the others follow the topic within seconds.
   */
  public ModelVersion train() {
    synchronized (changing) {
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
      // Held before it is published: the follower here takes it instead of training it again.
      models.put(id, new Held(record, candidate));
      publishAndAwait(status == Status.ACTIVE ? switchingTo(record) : List.of(record));
      return record;
    }
  }

  /**
   * Makes a kept version the active one again, a rollback or a roll forward: answered once it is
   * active on this instance; the others follow the topic within seconds.
   */
  public ModelVersion activate(String id) {
    synchronized (changing) {
      var record = recordOf(id);
      if (record == null) {
        throw new UnknownModelVersionException(id);
      }
      if (record.status() == Status.REJECTED) {
        throw new RejectedModelVersionException(id);
      }
      if (id.equals(active.version()) && record.status() == Status.ACTIVE) {
        return record;
      }
      if (held(record) == null) {
        // Rebuilt before anything is published: one that cannot be is refused, and nothing changes.
        rebuiltAndHeld(record);
      }
      publishAndAwait(
          switchingTo(
              record.status() == Status.ACTIVE
                  ? record
                  : record.withStatus(Status.ACTIVE, "activated again after " + active.version())));
      return recordOf(id);
    }
  }

  /**
   * Reads {@code routing-models} to its end and restores the active version ({@link #restore}),
   * then follows the topic.
   *
   * @throws IllegalStateException when it cannot be read to its end within the time
   */
  void start(Duration within) {
    var published = new LinkedHashMap<String, Published>();
    topic.readToEnd(
        within,
        record -> {
          if (record.value() == null) {
            published.remove(record.key());
            return;
          }
          var version = parsed(record);
          if (version != null) {
            published.put(record.key(), new Published(version, record.timestamp()));
          }
        });
    restore(published);
    topic.follow(this::follow);
  }

  void stop() {
    topic.stop();
  }

  /**
   * At start, before routing decides a ticket: the versions as last published, and the one last
   * activated active again, retrained on the shipped files and the very examples it was trained on
   * (the model is counts, so the same examples make the same model). One that cannot be rebuilt is
   * retired, loudly, and {@code model-0} decides: a start must not fail for a lost example.
   *
   * @param published the latest record per version id on {@code routing-models}
   */
  private synchronized void restore(Map<String, Published> published) {
    published.values().stream()
        .map(Published::version)
        .sorted(Comparator.comparingInt(ModelVersion::number))
        .forEach(record -> versions.put(record.id(), record));
    var activations =
        published.values().stream()
            .filter(one -> one.version().status() == Status.ACTIVE)
            .sorted(Comparator.comparingLong(Published::timestamp).reversed())
            .toList();
    var activated = activations.stream().map(Published::version).toList();
    String last = activated.isEmpty() ? SHIPPED : activated.get(0).id();
    activatedAt = activations.isEmpty() ? Long.MIN_VALUE : activations.get(0).timestamp();
    // Two instances switching at once could leave two active; the later activation counts.
    activated.stream()
        .filter(other -> !other.id().equals(last))
        .forEach(
            other ->
                versions.put(other.id(), other.withStatus(Status.RETIRED, "replaced by " + last)));
    if (SHIPPED.equals(last)) {
      var first = versions.get(SHIPPED);
      if (first.status() != Status.ACTIVE) {
        versions.put(SHIPPED, first.withStatus(Status.ACTIVE, "no other version is active"));
      }
      log.info(
          "{} model versions restored from {}; model-0 is active",
          published.size(),
          Topics.ROUTING_MODELS);
      return;
    }
    var record = activated.get(0);
    try {
      active = new Model(record.id(), rebuiltAndHeld(record));
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

  /**
   * A record on {@code routing-models}, written by any instance, this one included, in the topic's
   * order: the version it says is active becomes active here, with the model held here or else
   * rebuilt as at start. Nothing else changes the active version once started.
   */
  private void follow(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      synchronized (this) {
        versions.remove(record.key());
      }
      return;
    }
    var version = parsed(record);
    if (version == null) {
      return;
    }
    synchronized (this) {
      versions.put(version.id(), version);
    }
    if (version.status() != Status.ACTIVE) {
      return;
    }
    if (record.timestamp() < activatedAt) {
      // A switch's records may lie on different partitions, read in any order: the older
      // activation, read after a newer one, is not the topic's last word.
      log.info(
          "model version {} from {}: activated before {} was, left as it is",
          version.id(),
          Topics.ROUTING_MODELS,
          active.version());
      return;
    }
    var model = held(version);
    if (model == null) {
      try {
        // Its examples were on the topic before it was published, but maybe not yet read here.
        if (!examples.awaitCaughtUp(EXAMPLES_WITHIN)) {
          throw new UnrebuildableModelVersionException(
              version.id(),
              "%s could not be read to its end within %s"
                  .formatted(Topics.ROUTING_EXAMPLES, EXAMPLES_WITHIN));
        }
        model = rebuiltAndHeld(version);
      } catch (UnrebuildableModelVersionException e) {
        log.error(
            "model version {} is active on {} but cannot be activated on this instance: {}. {}"
                + " stays active here until a rules administrator trains or activates another"
                + " version.",
            version.id(),
            Topics.ROUTING_MODELS,
            e.why(),
            active.version());
        return;
      }
    }
    var before = active;
    activatedAt = record.timestamp();
    if (before.version().equals(version.id()) && before.classifier() == model) {
      return;
    }
    active = new Model(version.id(), model);
    log.info(
        "model version {} from {} active on this instance (was {})",
        version.id(),
        Topics.ROUTING_MODELS,
        before.version());
  }

  /** The records that make a version the active one: every other active one retired, then it. */
  private synchronized List<ModelVersion> switchingTo(ModelVersion next) {
    var records = new ArrayList<ModelVersion>();
    versions.values().stream()
        .filter(other -> other.status() == Status.ACTIVE && !other.id().equals(next.id()))
        .forEach(
            other -> records.add(other.withStatus(Status.RETIRED, "replaced by " + next.id())));
    records.add(next);
    return records;
  }

  /** The model of a version as it was published, if held here; null if it must be rebuilt. */
  private TopicClassifier held(ModelVersion record) {
    if (SHIPPED.equals(record.id())) {
      return shipped;
    }
    var held = models.get(record.id());
    // Same id, same examples: the same model. (Two instances training at once could both write an
    // id; the one the topic keeps is the one that counts.)
    return held != null
            && Objects.equals(held.record().examplesDigest(), record.examplesDigest())
            && Objects.equals(held.record().exampleTicketNumbers(), record.exampleTicketNumbers())
        ? held.classifier()
        : null;
  }

  private TopicClassifier rebuiltAndHeld(ModelVersion record) {
    var model = rebuilt(record);
    models.put(record.id(), new Held(record, model));
    log.info("model version {} rebuilt from its {} examples", record.id(), record.examplesUsed());
    return model;
  }

  private synchronized ModelVersion recordOf(String id) {
    return versions.get(id);
  }

  /** Retires a version that cannot be rebuilt, published so that the API and the topic say so. */
  private void fallBackToShipped(ModelVersion lost, String why) {
    var retired =
        lost.withStatus(
            Status.RETIRED, "could not be rebuilt at start (" + why + "); model-0 active instead");
    var activeAgain =
        versions
            .get(SHIPPED)
            .withStatus(Status.ACTIVE, "active again: " + lost.id() + " could not be rebuilt");
    try {
      publish(List.of(retired, activeAgain));
    } catch (RuntimeException e) {
      // The next start finds the version active on the topic and tries again.
      log.error(
          "could not publish the retirement of {} on {}", lost.id(), Topics.ROUTING_MODELS, e);
    }
    versions.put(lost.id(), retired);
    versions.put(SHIPPED, activeAgain);
    active = new Model(SHIPPED, shipped);
  }

  /**
   * A published version's model, retrained as it was: the same examples by number, unchanged since
   * (its digest), and the same accuracy on the evaluation set as when it was gated (else the
   * shipped files or the model's code have changed, and it is not the version that passed).
   */
  private TopicClassifier rebuilt(ModelVersion record) {
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
    return classifier;
  }

  private synchronized int nextNumber() {
    return versions.values().stream().mapToInt(ModelVersion::number).max().orElse(0) + 1;
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

  /** Published, then read back here: the follower makes the change, as on every instance. */
  private void publishAndAwait(List<ModelVersion> records) {
    String what = "model version " + records.get(records.size() - 1).id();
    for (var written : publish(records)) {
      topic.awaitReadBack(written, ACTIVE_HERE_WITHIN, what);
    }
  }

  /** In one transaction: a switch publishes the retired and the active version together. */
  private List<RecordMetadata> publish(List<ModelVersion> records) {
    return kafka
        .executeInTransaction(
            operations ->
                records.stream()
                    .map(record -> operations.send(Topics.ROUTING_MODELS, record.id(), record))
                    .toList())
        .stream()
        .map(sent -> sent.join().getRecordMetadata())
        .toList();
  }

  private static ModelVersion parsed(ConsumerRecord<String, String> record) {
    try {
      return EventJson.MAPPER.readValue(record.value(), ModelVersion.class);
    } catch (RuntimeException e) {
      // Routing is the only writer; a record it cannot read is someone else's, not state.
      log.warn(
          "{} partition {} offset {}: not a model version, left out ({})",
          Topics.ROUTING_MODELS,
          record.partition(),
          record.offset(),
          e.getMessage());
      return null;
    }
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
