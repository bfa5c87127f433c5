package cn.gov.xining.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labelled complaints. The customer's development samples are copied from {@code
 * shared/samples/complaints-dev.jsonl} into this module's resources, so every build tests the same
 * data wherever it runs; refresh the copy when the customer updates the samples.
 */
public final class SampleComplaints {

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
    return fromClasspath("samples/complaints-dev.jsonl");
  }

  /** Labelled complaints in the same format from the classpath, e.g. a hold-out set. */
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
}
