package cn.gov.xining.hotline.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

  @Test
  void everyTopicsSchemaIsOnTheClasspathAndEverySchemaBelongsToATopic() throws IOException {
    for (var topic : TopicCatalog.ALL) {
      if (topic.schema() != null) {
        assertThat(TopicCatalog.class.getResource("/schemas/" + topic.schema()))
            .as(topic.name())
            .isNotNull();
        assertThat(topic.schema()).startsWith(topic.valueType().getSimpleName());
      }
    }
    try (Stream<Path> schemas = Files.list(Path.of("src/main/resources/schemas"))) {
      assertThat(schemas.map(path -> path.getFileName().toString()))
          .allSatisfy(
              schema ->
                  assertThat(TopicCatalog.ALL.stream().map(TopicCatalog.Topic::schema))
                      .filteredOn(Objects::nonNull)
                      .contains(schema));
    }
  }

  @Test
  void findsAUnitsOwnTopicsByTheirNamesButNotTheirDeadLetters() {
    assertThat(TopicCatalog.of("assignments-gov-630121")).contains(TopicCatalog.ASSIGNMENTS);
    assertThat(TopicCatalog.of("progress-hrss")).contains(TopicCatalog.UNIT_PROGRESS);
    assertThat(TopicCatalog.of("ticket-progress")).contains(TopicCatalog.TICKET_PROGRESS);
    assertThat(TopicCatalog.of("progress-hrss-dlt")).isEmpty();
    assertThat(TopicCatalog.UNIT_PROGRESS.nameFor("hrss")).isEqualTo("progress-hrss");
  }
}
