package cn.gov.xining.hotline.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker in the test's JVM that can be stopped and started again on the
 * same port with the same data, as a broker restart looks to its clients. spring-kafka-test's
 * embedded broker cannot do this: it picks new ports on every start.
 */
public final class RestartableBroker implements AutoCloseable {

  private final int port;
  private final int controllerPort;
  private final Path dataDir;
  private KafkaRaftServer server;

  public RestartableBroker() {
    this.port = freePort();
    this.controllerPort = freePort();
    try {
      this.dataDir = Files.createTempDirectory("restartable-broker");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    format();
  }

  /** Where clients connect, whether or not the broker is running right now. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public synchronized void start() {
    if (server != null) {
      return;
    }
    server = new KafkaRaftServer(KafkaConfig.fromProps(properties(), false), Time.SYSTEM);
    server.startup();
  }

  /** A clean shutdown: what clients see is the broker going away. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  @Override
  public void close() {
    stop();
  }

  private void format() {
    Path config = dataDir.resolve("server.properties");
    try (var out = Files.newBufferedWriter(config)) {
      properties().store(out, "restartable test broker");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var output = new ByteArrayOutputStream();
    int exitCode =
        StorageTool.execute(
            new String[] {
              "format",
              "--config",
              config.toString(),
              "--cluster-id",
              Uuid.randomUuid().toString(),
              "--standalone"
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exitCode != 0) {
      throw new IllegalStateException("formatting the broker's storage failed: " + output);
    }
  }

  private Properties properties() {
    var properties = new Properties();
    properties.put("process.roles", "broker,controller");
    properties.put("node.id", "1");
    properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    properties.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d".formatted(port, controllerPort));
    properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    properties.put("inter.broker.listener.name", "PLAINTEXT");
    properties.put("controller.listener.names", "CONTROLLER");
    properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    properties.put("metadata.log.dir", dataDir.resolve("metadata").toString());
    properties.put("log.dirs", dataDir.resolve("logs").toString());
    properties.put("num.partitions", "3");
    properties.put("offsets.topic.replication.factor", "1");
    properties.put("offsets.topic.num.partitions", "3");
    properties.put("transaction.state.log.replication.factor", "1");
    properties.put("transaction.state.log.min.isr", "1");
    properties.put("transaction.state.log.num.partitions", "3");
    properties.put("share.coordinator.state.topic.replication.factor", "1");
    properties.put("share.coordinator.state.topic.min.isr", "1");
    properties.put("min.insync.replicas", "1");
    properties.put("group.initial.rebalance.delay.ms", "0");
    return properties;
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
