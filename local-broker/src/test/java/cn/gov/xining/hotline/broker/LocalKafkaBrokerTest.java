package cn.gov.xining.hotline.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher as bin/hotline does, in its own JVM, because what matters is the process: its
 * shutdown on SIGTERM, its directory lock, and what it leaves on disk for the next start.
 */
class LocalKafkaBrokerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String TOPIC = "tickets-received";

  @TempDir Path dataDir;

  private final int port = freePort();
  private final int controllerPort = freePort();
  private final List<Process> launched = new ArrayList<>();

  @AfterEach
  void stopEverythingLaunched() throws InterruptedException {
    // Waited for, so that no broker still writes while JUnit deletes the temporary directory.
    for (Process process : launched) {
      process.destroyForcibly().waitFor(TIMEOUT.toSeconds(), SECONDS);
    }
  }

  @Test
  void keepsACommittedTicketAcrossARestartOnTheSameDataDirectory() throws Exception {
    // given a broker with a topic made from its defaults and one ticket written in a transaction
    Process broker = launch(dataDir, port, controllerPort);
    awaitReady();
    assertThat(createTopicWithBrokerDefaults()).isEqualTo(3);
    produceInATransaction("XN-20240501-0001", "no hot water since Monday");
    assertThat(consumeAll("before-restart"))
        .containsEntry("XN-20240501-0001", "no hot water since Monday");

    // when it is stopped with SIGTERM, as Ctrl-C in bin/hotline does, and started again
    broker.destroy();
    assertThat(broker.waitFor(TIMEOUT.toSeconds(), SECONDS)).isTrue();
    launch(dataDir, port, controllerPort);
    awaitReady();

    // then the ticket is still there for a new consumer group
    assertThat(consumeAll("after-restart"))
        .containsEntry("XN-20240501-0001", "no hot water since Monday");
    assertThat(Files.readString(logOf(1))).contains("Kafka Server started");
  }

  @Test
  void refusesASecondBrokerOnADataDirectoryInUseAndLeavesTheFirstOneServing() throws Exception {
    // given a running broker
    Process first = launch(dataDir, port, controllerPort);
    awaitReady();

    // when a second one is started on the same directory, on other ports so only the lock stops it
    Process second = launch(dataDir, freePort(), freePort());

    // then the second exits with an error and the first keeps serving
    assertThat(second.waitFor(TIMEOUT.toSeconds(), SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(1);
    assertThat(Files.readString(logOf(2))).contains("Another local broker is already using");
    assertThat(first.isAlive()).isTrue();
    assertThat(createTopicWithBrokerDefaults()).isEqualTo(3);
  }

  private Process launch(Path dataDir, int port, int controllerPort) throws IOException {
    File log = logOf(launched.size() + 1).toFile();
    log.getParentFile().mkdirs();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                // A broker that lives for seconds starts faster without the optimising compiler.
                "-XX:TieredStopAtLevel=1",
                // The production logging configuration, not a test one from the test classpath.
                "-Dlog4j2.configurationFile=log4j2.xml",
                "-cp",
                System.getProperty("java.class.path"),
                LocalKafkaBroker.class.getName(),
                "--data-dir=" + dataDir,
                "--port=" + port,
                "--controller-port=" + controllerPort)
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
    launched.add(process);
    return process;
  }

  private Path logOf(int launch) {
    return Path.of("target", "local-broker-test", "launch-" + launch + ".log");
  }

  private void awaitReady() {
    Map<String, Object> config = clientConfig();
    // Retry the connection often while the broker starts, not after the default backoff of 1 s.
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 100);
    try (Admin admin = Admin.create(config)) {
      await()
          .atMost(TIMEOUT)
          .ignoreExceptions()
          .until(() -> !admin.describeCluster().nodes().get(5, SECONDS).isEmpty());
    }
  }

  /** Returns the number of partitions the broker gave the new topic. */
  private int createTopicWithBrokerDefaults() throws Exception {
    try (Admin admin = Admin.create(clientConfig())) {
      var topic = new NewTopic(TOPIC, Optional.empty(), Optional.empty());
      return admin.createTopics(List.of(topic)).numPartitions(TOPIC).get(10, SECONDS);
    }
  }

  /** Transactional, like routing's writes, so the single-node transaction settings are used. */
  private void produceInATransaction(String key, String value) {
    Map<String, Object> config = clientConfig();
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-broker-test");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, key, value));
      producer.commitTransaction();
    }
  }

  private Map<String, String> consumeAll(String groupId) {
    Map<String, Object> config = clientConfig();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    Map<String, String> seen = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(TOPIC));
      // Polled in this thread: a KafkaConsumer must not be touched by two threads.
      await()
          .atMost(TIMEOUT)
          .pollInSameThread()
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.put(r.key(), r.value()));
                return !seen.isEmpty();
              });
    }
    return seen;
  }

  private Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
    return config;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
