package cn.gov.xining.hotline.routing.learning;

import static cn.gov.xining.hotline.routing.learning.ActiveVersionAfterRestartTest.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.RoutingApplication;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two routing instances on one broker, as the run command starts them: one consumer group, the
 * tickets split between them by partition, each with its own model in memory.
 */
@ExtendWith(OutputCaptureExtension.class)
class ModelVersionsAcrossInstancesTest {

  private static final Duration FOLLOWED_WITHIN = Duration.ofSeconds(20);

  @TempDir static Path data;

  private static EmbeddedKafkaBroker broker;
  private static TopicProbe probe;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;

  @BeforeAll
  static void twoRoutingInstances() {
    broker =
        new EmbeddedKafkaKraftBroker(1, 3)
            .brokerProperties(
                Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    probe = new TopicProbe(broker.getBrokersAsString());
    first = routing("1");
    second = routing("2");
  }

  @AfterAll
  static void stopEverything() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    broker.destroy();
  }

  @Test
  void aVersionTrainedOrActivatedOnOneInstanceBecomesActiveOnTheOtherAndDecidesItsTickets(
      CapturedOutput output) throws Exception {
    // Given dispatchers' examples: pigeon complaints are the property manager's.
    var examples = ActiveVersionAfterRestartTest.pigeonsDispatchedToPropertyManagement(probe, 5);
    await().atMost(Duration.ofSeconds(30)).until(() -> examplesRead(first) == examples.size());

    // When the rules administrator trains a version on the first instance
    String trained = call(first, "POST", "/api/routing/model/versions");
    assertThat(JsonPath.<String>read(trained, "$.id")).isEqualTo("model-1");
    assertThat(JsonPath.<String>read(trained, "$.status")).isEqualTo("ACTIVE");
    assertThat(JsonPath.<Boolean>read(trained, "$.activeOnThisInstance")).isTrue();

    // Then the second instance makes it active within seconds, rebuilt from its examples there
    // (the first holds the model it trained and builds it no second time)
    await().atMost(FOLLOWED_WITHIN).until(() -> "model-1".equals(activeOn(second)));
    assertThat(activeOn(first)).isEqualTo("model-1");
    assertThat(output.getOut()).containsOnlyOnce("model version model-1 rebuilt from its");
    // And a ticket the second instance decides names it
    String decision = decisionBy(second, LearningFromDispatchesTest.NEXT_PIGEONS);
    assertThat(JsonPath.<String>read(decision, "$.topicCode")).isEqualTo("property-management");
    assertThat(JsonPath.<String>read(decision, "$.ruleSetVersion")).endsWith("+model-1");

    // When the rules administrator rolls back to model-0 on the second instance
    String rolledBack = call(second, "POST", "/api/routing/model/versions/model-0/activate");
    assertThat(JsonPath.<Boolean>read(rolledBack, "$.activeOnThisInstance")).isTrue();

    // Then the first follows, and a roll forward there rebuilds nothing: both hold model-1
    await().atMost(FOLLOWED_WITHIN).until(() -> "model-0".equals(activeOn(first)));
    call(first, "POST", "/api/routing/model/versions/model-1/activate");
    await().atMost(FOLLOWED_WITHIN).until(() -> "model-1".equals(activeOn(second)));
    assertThat(output.getOut()).containsOnlyOnce("model version model-1 rebuilt from its");

    // When the topic says a version is active that no instance can rebuild (its example is gone)
    var lost =
        new ModelVersion(
            "model-7",
            OffsetDateTime.now(),
            1,
            0,
            null,
            null,
            "model-1",
            ModelVersion.Status.ACTIVE,
            "written by hand",
            List.of("261201-98-9999"),
            null);
    probe.sendRaw(Topics.ROUTING_MODELS, lost.id(), EventJson.MAPPER.writeValueAsString(lost));

    // Then each instance says so at ERROR, naming it, and keeps deciding with model-1; the API of
    // each shows both what the topic says and what that instance decides with.
    await()
        .atMost(FOLLOWED_WITHIN)
        .until(
            () ->
                output
                        .getOut()
                        .lines()
                        .filter(line -> line.contains("ERROR"))
                        .filter(
                            line ->
                                line.contains(
                                    "model version model-7 is active on routing-models but cannot"
                                        + " be activated on this instance"))
                        .count()
                    == 2);
    for (var instance : List.of(first, second)) {
      String versions = call(instance, "GET", "/api/routing/model/versions");
      assertThat(JsonPath.<List<String>>read(versions, "$[?(@.id=='model-7')].status"))
          .containsExactly("ACTIVE");
      assertThat(activeOn(instance)).isEqualTo("model-1");
    }

    // When an activation older than the one in force is read after it (a switch's records lie on
    // different partitions), then it is left alone: the later activation stands everywhere.
    String rollback = JsonPath.parse(rolledBack).delete("$.activeOnThisInstance").jsonString();
    writtenAt(System.currentTimeMillis() - 60_000, "model-0", rollback);
    await()
        .atMost(FOLLOWED_WITHIN)
        .until(
            () ->
                output
                        .getOut()
                        .lines()
                        .filter(
                            line ->
                                line.contains(
                                    "model version model-0 from routing-models: activated before"
                                        + " model-1 was, left as it is"))
                        .count()
                    == 2);
    assertThat(activeOn(first)).isEqualTo("model-1");
    assertThat(activeOn(second)).isEqualTo("model-1");
  }

  /** A record on routing-models with the time it says it was written. */
  private static void writtenAt(long timestamp, String key, String value) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.ROUTING_MODELS, null, timestamp, key, value)).get();
    }
  }

  /** A start of routing as the run command starts an instance: its own id, port and data. */
  private static ConfigurableApplicationContext routing(String instanceId) {
    // Arguments, as the run command passes them: they override application.yml.
    return new SpringApplicationBuilder(RoutingApplication.class)
        .run(
            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "--hotline.instance-id=" + instanceId,
            "--hotline.data-dir=" + data.resolve(instanceId),
            "--hotline.issuer=" + TestIssuer.shared().issuer(),
            "--server.port=0",
            "--spring.main.banner-mode=off");
  }

  /** The version this instance decides with, as its API says. */
  private static String activeOn(ConfigurableApplicationContext instance) throws Exception {
    List<String> active =
        JsonPath.read(
            call(instance, "GET", "/api/routing/model/versions"),
            "$[?(@.activeOnThisInstance==true)].id");
    assertThat(active).hasSize(1);
    return active.get(0);
  }

  private static int examplesRead(ConfigurableApplicationContext instance) {
    return instance.getBean(ModelVersions.class).corrections().stream()
        .mapToInt(ModelVersions.WeekOfCorrections::corrections)
        .sum();
  }

  /**
   * Receives a complaint on a partition the instance consumes, as intake would, and answers the
   * decision on it.
   */
  private static String decisionBy(ConfigurableApplicationContext instance, String text) {
    var dispatcher =
        instance
            .getBean(KafkaListenerEndpointRegistry.class)
            .getListenerContainer("ticket-dispatcher");
    Set<Integer> partitions =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    dispatcher.getAssignedPartitions().stream()
                        .map(TopicPartition::partition)
                        .collect(Collectors.toSet()),
                assigned -> !assigned.isEmpty());
    String number;
    do {
      number = "261201-97-" + UUID.randomUUID();
    } while (!partitions.contains(partitionOf(number)));
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            number,
            OffsetDateTime.parse("2026-12-01T09:00:00+08:00"),
            "hotline-phone",
            AppealType.COMPLAINT,
            text,
            null,
            null,
            null);
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, EventJson.MAPPER.writeValueAsString(ticket));
    String key = number;
    var decision = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var records = probe.recordsFor(Topics.ROUTING_DECISIONS, key);
              assertThat(records).isNotEmpty();
              decision[0] = records.get(0).value();
            });
    assertThat(dispatcher.getAssignedPartitions())
        .as("still this instance's partition when it decided")
        .extracting(TopicPartition::partition)
        .contains(partitionOf(number));
    return decision[0];
  }

  /** The partition Kafka's producer puts a key on, of tickets-received's three. */
  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
  }
}
