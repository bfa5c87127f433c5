package cn.gov.xining.hotline.testsupport;

import cn.gov.xining.hotline.broker.KafkaSecurity;
import cn.gov.xining.hotline.broker.LocalKafkaBroker;
import cn.gov.xining.hotline.broker.SecurityProvisioner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker in the test's JVM that can be stopped and started again on the
 * same port with the same data, as a broker restart looks to its clients. spring-kafka-test's
 * embedded broker cannot do this: it picks new ports on every start.
 *
 * <p>{@link #secured(Path)} gives the broker local-broker runs with {@code --security}: SCRAM on
 * the client port and the security file's principals, ACLs and unit topics in force on every start;
 * {@link #clientProperties(String)} is how a test logs in as one of them.
 */
public final class RestartableBroker implements AutoCloseable {

  private final int port;
  private final int controllerPort;
  private final Path dataDir;
  private final KafkaSecurity security;
  private KafkaRaftServer server;

  /** PLAINTEXT, no authorizer. */
  public RestartableBroker() {
    this(null);
  }

  private RestartableBroker(KafkaSecurity security) {
    this.security = security;
    this.port = freePort();
    this.controllerPort = freePort();
    try {
      this.dataDir = Files.createTempDirectory("restartable-broker");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    format();
  }

  /**
   * A broker that enforces a security file such as {@code deploy/kafka-security.yaml}, as
   * local-broker does with {@code --security}; {@code HOTLINE_KAFKA_PASSWORD_*} variables apply.
   */
  public static RestartableBroker secured(Path securityFile) {
    return new RestartableBroker(KafkaSecurity.read(securityFile));
  }

  /**
   * The client properties of a principal of the security file: bootstrap.servers,
   * security.protocol, sasl.mechanism and sasl.jaas.config.
   */
  public Map<String, Object> clientProperties(String principal) {
    if (security == null) {
      throw new IllegalStateException("a PLAINTEXT broker has no principals; use secured(path)");
    }
    var properties = new HashMap<String, Object>(security.clientProperties(principal));
    properties.put("bootstrap.servers", bootstrapServers());
    return properties;
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
    if (security != null) {
      // Every start, as local-broker does: returns once the ACLs are in force.
      new SecurityProvisioner(security).provision(bootstrapServers());
    }
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
    var args = LocalKafkaBroker.formatArguments(config, security);
    var output = new ByteArrayOutputStream();
    int exitCode =
        StorageTool.execute(
            args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
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
    if (security != null) {
      properties.putAll(security.brokerProperties(port, controllerPort));
      // As local-broker. With an authorizer, auto-creation makes a topic that the broker does not
      // know yet (created a moment ago) an authorization error for anyone without CREATE.
      properties.put("auto.create.topics.enable", "false");
    }
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
