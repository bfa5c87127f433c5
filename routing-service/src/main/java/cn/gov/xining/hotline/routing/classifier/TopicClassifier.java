package cn.gov.xining.hotline.routing.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Multinomial naive Bayes over an appeal's words, word pairs and character pairs ({@link
 * #features}), trained at start-up from labelled complaints (1,700 lines, about a second).
 *
 * <p>Written here rather than taken from a library: the maintained JVM learners served here are GPL
 * (Smile) or a deep-learning engine (DJL); HanLP's own naive Bayes does not say which words weighed
 * most, and every decision must say why. The model is the textbook one, Laplace-smoothed, in 100
 * lines.
 */
public final class TopicClassifier {

  /** A proposal: the topic, how many nats more likely than the runner-up, and why. */
  public record Guess(String topic, String runnerUp, double margin, List<String> evidence) {}

  private final Map<String, Map<String, Integer>> counts = new HashMap<>();
  private final Map<String, Integer> totals = new HashMap<>();
  private final Map<String, Integer> documents = new HashMap<>();
  private final java.util.Set<String> vocabulary = new java.util.HashSet<>();
  private final double minimumMargin;
  private int allDocuments;

  /**
   * @param minimumMargin how much more likely (in nats) the best topic must be than the second
   *     before a guess is made
   */
  public TopicClassifier(double minimumMargin) {
    this.minimumMargin = minimumMargin;
  }

  /**
   * A classifier trained on labelled complaints, one JSON object a line with {@code text} and
   * {@code expected.topic} (the format of the customer's samples).
   */
  public static TopicClassifier trainedOn(Resource labelled, double minimumMargin) {
    return trainedOn(List.of(labelled), minimumMargin);
  }

  /** The labelled complaints the service trains on unless configured otherwise. */
  public static final String TRAINING_DATA = "classpath*:classifier/labelled-complaints*.jsonl";

  /** A classifier trained on every file of labelled complaints the resource pattern matches. */
  public static TopicClassifier trainedOn(String pattern, double minimumMargin) {
    try {
      var files =
          Arrays.stream(new PathMatchingResourcePatternResolver().getResources(pattern))
              .sorted(Comparator.comparing(Resource::getFilename))
              .toList();
      if (files.isEmpty()) {
        throw new IllegalStateException("no training data at " + pattern);
      }
      return trainedOn(files, minimumMargin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A classifier trained on several files of labelled complaints. */
  public static TopicClassifier trainedOn(List<Resource> files, double minimumMargin) {
    var classifier = new TopicClassifier(minimumMargin);
    files.forEach(file -> classifier.learnAll(file));
    return classifier;
  }

  private void learnAll(Resource labelled) {
    var classifier = this;
    var json = JsonMapper.builder().build();
    try {
      labelled
          .getContentAsString(StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .map(line -> json.readValue(line, JsonNode.class))
          .forEach(
              complaint ->
                  classifier.learn(
                      complaint.path("expected").path("topic").asString(),
                      complaint.path("text").asString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + labelled.getDescription(), e);
    }
  }

  public void learn(String topic, String text) {
    var features = features(text);
    var topicCounts = counts.computeIfAbsent(topic, t -> new HashMap<>());
    for (String feature : features) {
      topicCounts.merge(feature, 1, Integer::sum);
      vocabulary.add(feature);
    }
    totals.merge(topic, features.size(), Integer::sum);
    documents.merge(topic, 1, Integer::sum);
    allDocuments++;
  }

  /**
   * The model's proposal if it is sure: its best topic beats the runner-up by the minimum margin.
   */
  public Optional<Guess> classify(String text) {
    return read(text).filter(guess -> guess.margin() >= minimumMargin);
  }

  /** The model's best topic for the text however sure it is; empty when it knows no word of it. */
  public Optional<Guess> read(String text) {
    var features = features(text);
    if (features.isEmpty() || counts.isEmpty()) {
      return Optional.empty();
    }
    var scores = new HashMap<String, Double>();
    for (String topic : counts.keySet()) {
      double score = Math.log(documents.get(topic) / (double) allDocuments);
      for (String feature : features) {
        score += logLikelihood(topic, feature);
      }
      scores.put(topic, score);
    }
    var ranked =
        scores.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .toList();
    String best = ranked.get(0).getKey();
    String second = ranked.size() > 1 ? ranked.get(1).getKey() : best;
    double margin = ranked.size() > 1 ? ranked.get(0).getValue() - ranked.get(1).getValue() : 0;
    return Optional.of(new Guess(best, second, margin, evidence(features, best, second)));
  }

  /** The known pairs that speak most for the best topic against the runner-up. */
  private List<String> evidence(List<String> features, String best, String second) {
    var known = new ArrayList<String>();
    for (String feature : features) {
      if (counts.get(best).containsKey(feature) && !known.contains(feature)) {
        known.add(feature);
      }
    }
    known.sort(
        Comparator.comparingDouble((String f) -> logLikelihood(best, f) - logLikelihood(second, f))
            .reversed());
    // As a reader sees them: words and word pairs as written, each once.
    return known.stream()
        .map(
            feature ->
                feature.startsWith("w:") || feature.startsWith("p:")
                    ? feature.substring(2)
                    : feature)
        .distinct()
        .limit(5)
        .toList();
  }

  private double logLikelihood(String topic, String feature) {
    int count = counts.get(topic).getOrDefault(feature, 0);
    return Math.log((count + 1.0) / (totals.get(topic) + vocabulary.size()));
  }

  /**
   * What the model reads in a text: its words ({@link Words}), the pairs of neighbouring words, and
   * the pairs of neighbouring characters. Measured on the second hold-out set (120 appeals, trained
   * on the 1,700 labelled ones): characters alone 93.3 %, words alone 90.8 %, words and pairs 91.7
   * %, all three 93.3 % with the fewest confident mistakes.
   */
  static List<String> features(String text) {
    var features = new ArrayList<String>();
    var words = Words.of(text);
    for (String word : words) {
      features.add("w:" + word);
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      features.add("p:" + words.get(i) + words.get(i + 1));
    }
    features.addAll(characterPairs(text));
    return features;
  }

  /** Pairs of consecutive Chinese characters; punctuation, digits and letters break pairs. */
  static List<String> characterPairs(String text) {
    var features = new ArrayList<String>();
    if (text == null) {
      return features;
    }
    for (int i = 0; i + 1 < text.length(); i++) {
      char a = text.charAt(i);
      char b = text.charAt(i + 1);
      if (isHan(a) && isHan(b)) {
        features.add(new String(new char[] {a, b}));
      }
    }
    return features;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
