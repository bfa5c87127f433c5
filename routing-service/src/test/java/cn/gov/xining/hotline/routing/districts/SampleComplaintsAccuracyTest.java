package cn.gov.xining.hotline.routing.districts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.gov.xining.hotline.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled sample complaints, end to end through the production gazetteer. The gazetteer is
 * built from real place names, not from these lines, so this measures it rather than fits it.
 */
class SampleComplaintsAccuracyTest {

  private static final Path SAMPLES = Path.of("shared", "samples", "complaints-dev.jsonl");
  private static final double REQUIRED_ACCURACY = 0.95;

  record Sample(String id, String text, String address, Expected expected) {}

  record Expected(String district) {}

  @Test
  void resolvesAtLeastNinetyFivePercentOfTheSampleComplaintsRight() throws IOException {
    var resolver =
        DistrictResolver.load(
            CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml")),
            new ClassPathResource("gazetteer/xining-places.yaml"));
    var json =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    List<String> lines = Files.readAllLines(samples());
    var misses = new ArrayList<String>();
    int total = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      total++;
      Sample sample = json.readValue(line, Sample.class);
      DistrictMatch match = resolver.resolve(sample.address(), sample.text());
      if (!Objects.equals(match.districtCode(), sample.expected().district())) {
        misses.add(
            sample.id()
                + " expected "
                + sample.expected().district()
                + " got "
                + match.districtCode()
                + ": "
                + match.explanation());
      }
    }
    double accuracy = (total - misses.size()) / (double) total;
    System.out.printf(
        "district accuracy on %d sample complaints: %.1f%% (%d misses)%n",
        total, accuracy * 100, misses.size());
    misses.forEach(miss -> System.out.println("  miss " + miss));

    assertThat(total).isGreaterThanOrEqualTo(100);
    assertThat(accuracy)
        .as("accuracy; misses: %s", misses)
        .isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
  }

  /** Maven runs tests in the module directory; the shared folder sits beside the repository. */
  private static Path samples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SAMPLES);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return fail(
        "cannot find "
            + SAMPLES
            + " in "
            + Path.of("").toAbsolutePath()
            + " or any directory above it; the labelled samples are required for this test");
  }
}
