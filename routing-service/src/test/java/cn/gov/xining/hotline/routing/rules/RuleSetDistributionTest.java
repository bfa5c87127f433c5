package cn.gov.xining.hotline.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.EventSerdes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Several routing instances on one broker, each an {@link ActiveRuleSet} with its own active file
 * and a {@link RuleSetDistribution} wired as in production: a transactional producer and a follower
 * reading committed records of {@code routing-rules}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RuleSetDistributionTest {

  private static final String WATER_URGENT =
      """
      version: test-2
      rules:
        - id: everything-about-water
          when: {anyOf: [水]}
          then: {topic: water-supply, priority: URGENT}
      """;

  private static final String SHIPPED_VERSION = "xining-2026.11-2";

  @TempDir Path data;

  private EmbeddedKafkaBroker broker;
  private final List<RuleSetDistribution> started = new ArrayList<>();
  private final List<DefaultKafkaProducerFactory<String, Object>> producers = new ArrayList<>();

  @BeforeEach
  void aBrokerWithTheRulesTopic() {
    broker =
        new EmbeddedKafkaKraftBroker(1, 1)
            .brokerProperties(
                Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    // As routing declares it (RoutingKafkaConfiguration).
    broker.addTopics(
        new NewTopic(Topics.ROUTING_RULES, 1, (short) 1)
            .configs(Map.of("cleanup.policy", "compact")));
  }

  @AfterEach
  void stopEverything() {
    started.forEach(RuleSetDistribution::stop);
    producers.forEach(DefaultKafkaProducerFactory::destroy);
    broker.destroy();
  }

  @Test
  void aRuleSetPutOnOneInstanceIsInForceOnTheOtherWithinSecondsAndOnAnInstanceStartedLater() {
    var first = instance("first");
    var second = instance("second");

    first.distribution().publish(WATER_URGENT, "rules-admin");

    assertThat(first.rules().version())
        .as("in force where it was accepted once the change is answered")
        .isEqualTo("test-2");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(second.rules().version()).isEqualTo("test-2"));
    assertThat(second.distribution().inForce())
        .hasValueSatisfying(
            published -> assertThat(published.changedBy()).isEqualTo("rules-admin"));
    assertThat(data.resolve("second/active-rules.yaml"))
        .as("each instance keeps its own copy")
        .content(StandardCharsets.UTF_8)
        .isEqualTo(WATER_URGENT);

    second.distribution().stop();
    var restarted = instance("restarted");
    assertThat(restarted.rules().version())
        .as("a new instance comes back with the latest set before it decides anything")
        .isEqualTo("test-2");
  }

  @Test
  void aRuleSetThatDoesNotCompileHereIsLoggedAndIgnoredAndTheNextOneStillArrives(
      CapturedOutput output) {
    var here = instance("here");
    // Given an instance with a newer catalog, which knows a topic this one does not
    String snowRules =
        """
        version: newer-catalog-1
        rules:
          - id: snow
            when: {anyOf: [雪]}
            then: {topic: snow-clearing}
        """;
    template("newer")
        .executeInTransaction(
            operations ->
                operations.send(
                    Topics.ROUTING_RULES,
                    RuleSetDistribution.KEY,
                    new PublishedRuleSet(
                        "newer-catalog-1", snowRules, "rules-admin", OffsetDateTime.now())))
        .join();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(output.getOut())
                    .contains("ERROR")
                    .contains("newer-catalog-1")
                    .contains("cannot be activated on this instance"));
    assertThat(here.rules().version()).isEqualTo(SHIPPED_VERSION);

    var other = instance("other");
    other.distribution().publish(WATER_URGENT, "rules-admin");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(here.rules().version()).isEqualTo("test-2"));
  }

  @Test
  void theActiveFileOfAnInstanceFromBeforeTheTopicIsPublishedForTheOthers() throws Exception {
    Path kept = data.resolve("upgraded/active-rules.yaml");
    Files.createDirectories(kept.getParent());
    Files.writeString(kept, WATER_URGENT, StandardCharsets.UTF_8);

    var upgraded = instance("upgraded");
    var fresh = instance("fresh");

    assertThat(upgraded.rules().version()).isEqualTo("test-2");
    assertThat(fresh.rules().version()).isEqualTo("test-2");
  }

  private record Instance(ActiveRuleSet rules, RuleSetDistribution distribution) {}

  /** A start of routing's rules: its own active file, the shared broker, the topic read. */
  private Instance instance(String name) {
    var rules = Fixtures.defaultRules(data.resolve(name).resolve("active-rules.yaml"));
    var consumers =
        new DefaultKafkaConsumerFactory<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "routing-service"));
    var distribution = new RuleSetDistribution(rules, template(name), consumers, Clock.systemUTC());
    distribution.start();
    started.add(distribution);
    return new Instance(rules, distribution);
  }

  /** Routing's producer: transactional, every in-sync replica acknowledges. */
  private KafkaTemplate<String, Object> template(String name) {
    var factory =
        new DefaultKafkaProducerFactory<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            EventSerdes.valueSerializer());
    factory.setTransactionIdPrefix("routing-" + name + "-");
    producers.add(factory);
    return new KafkaTemplate<>(factory);
  }
}
