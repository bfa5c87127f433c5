package cn.gov.xining.hotline.security.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Notes every field of a request body that its endpoint does not know, instead of dropping it
 * without a word ({@code adress} for {@code address} would lose the address the citizen gave), and
 * the known field it most likely meant. Only while a request body is read ({@link #start()} to
 * {@link #finish()}, on that thread); any other use of the mapper is left as it was.
 */
final class UnknownFieldCollector extends DeserializationProblemHandler {

  /** One unknown field: its path in the body, and the known field it probably meant, if any. */
  record UnknownField(String field, String didYouMean) {}

  private static final ThreadLocal<List<UnknownField>> FOUND = new ThreadLocal<>();
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  static void start() {
    FOUND.set(new ArrayList<>());
  }

  static List<UnknownField> finish() {
    List<UnknownField> found = FOUND.get();
    FOUND.remove();
    return found == null ? List.of() : found;
  }

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext context,
      JsonParser parser,
      ValueDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName) {
    List<UnknownField> found = FOUND.get();
    if (found == null) {
      return false;
    }
    Collection<Object> known =
        deserializer == null ? List.of() : deserializer.getKnownPropertyNames();
    found.add(
        new UnknownField(path(parser, propertyName), closest(propertyName, known).orElse(null)));
    parser.skipChildren();
    return true;
  }

  /** {@code /location/lat} as {@code location.lat}; the name alone at the top level. */
  private static String path(JsonParser parser, String propertyName) {
    String pointer = parser.streamReadContext().pathAsPointer().toString();
    String path = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
    return path.isEmpty() ? propertyName : path;
  }

  /**
   * The known name nearest in edit distance, ignoring case, when near enough to be a slip: at most
   * two edits, or a third of the name.
   */
  static Optional<String> closest(String name, Collection<?> known) {
    String typed = name.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, typed.length() / 3);
    return known.stream()
        .map(String::valueOf)
        .map(
            candidate ->
                new Candidate(candidate, DISTANCE.apply(typed, candidate.toLowerCase(Locale.ROOT))))
        .filter(candidate -> candidate.distance() <= allowed)
        .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
        .map(Candidate::name);
  }

  private record Candidate(String name, int distance) {}
}
