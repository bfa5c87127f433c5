package cn.gov.xining.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled sample complaints in {@code shared/samples/complaints-dev.jsonl}, which lives beside
 * the repository (in the workplace and in CI). Missing samples fail the test that needs them: an
 * accuracy floor that silently skips would be no floor.
 */
public final class SampleComplaints {

  private static final Path RELATIVE = Path.of("shared", "samples", "complaints-dev.jsonl");
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** One labelled complaint. */
  public record Complaint(
      String id, String channel, String text, String address, Expected expected) {}

  /** What a person decided: topic, district (null = undeterminable), lead and assisting units. */
  public record Expected(String topic, String district, String primary, List<String> assist) {}

  private SampleComplaints() {}

  /** The labelled development samples the customer supplied. */
  public static List<Complaint> load() {
    try {
      return parse(Files.readAllLines(locate(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Labelled complaints in the same format from the test classpath, e.g. a hold-out set. */
  public static List<Complaint> fromClasspath(String resource) {
    try (var in = SampleComplaints.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Complaint> parse(List<String> lines) {
    return lines.stream()
        .filter(line -> !line.isBlank())
        .map(line -> JSON.readValue(line, Complaint.class))
        .toList();
  }

  private static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "cannot find " + RELATIVE + " in " + Path.of("").toAbsolutePath() + " or above it");
  }
}
