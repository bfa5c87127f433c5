package cn.gov.xining.hotline.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local broker keeps its data, the ports it listens on and, in the secured mode, the file
 * of principals and ACLs it enforces.
 *
 * @param securityFile {@code --security=deploy/kafka-security.yaml}: SASL_PLAINTEXT with SCRAM and
 *     ACLs from that file; null (the option left out) keeps the broker PLAINTEXT without ACLs
 * @param advertisedHost {@code --advertised-host=kafka}: the client port listens on every interface
 *     and tells clients this name (in a container network); null, the default, keeps it on
 *     127.0.0.1. The controller port stays on 127.0.0.1 either way.
 */
record BrokerSettings(
    Path dataDir, int port, int controllerPort, Path securityFile, String advertisedHost) {

  static final String USAGE =
      "usage: LocalKafkaBroker [--data-dir=.run/kafka] [--port=9092] [--controller-port=9093]"
          + " [--security=deploy/kafka-security.yaml] [--advertised-host=kafka]";

  static BrokerSettings fromArgs(String... args) {
    Path dataDir = Path.of(".run", "kafka");
    int port = 9092;
    int controllerPort = 9093;
    Path securityFile = null;
    String advertisedHost = null;
    for (String arg : args) {
      String[] option = arg.split("=", 2);
      if (option.length != 2) {
        throw new IllegalArgumentException("expected --option=value, not " + arg);
      }
      switch (option[0]) {
        case "--data-dir" -> dataDir = Path.of(option[1]);
        case "--port" -> port = Integer.parseInt(option[1]);
        case "--controller-port" -> controllerPort = Integer.parseInt(option[1]);
        case "--security" -> securityFile = Path.of(option[1]);
        case "--advertised-host" -> advertisedHost = option[1];
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    // Absolute, because Kafka resolves log.dirs against its own working directory.
    return new BrokerSettings(
        dataDir.toAbsolutePath().normalize(), port, controllerPort, securityFile, advertisedHost);
  }

  /**
   * The KRaft metadata log, apart from the topic logs so that Kafka locks it before writing to it.
   * With one shared directory the controller writes before the broker takes the lock, and a second
   * broker on that directory corrupts the first one's metadata log (seen with Kafka 4.2.1).
   */
  Path metadataDir() {
    return dataDir.resolve("metadata");
  }

  /** The interface the client port listens on. */
  String bindHost() {
    return advertisedHost == null ? "127.0.0.1" : "0.0.0.0";
  }

  /** The name clients are told to connect to. */
  String clientHost() {
    return advertisedHost == null ? "127.0.0.1" : advertisedHost;
  }

  /** The server.properties of the PLAINTEXT broker. */
  String serverProperties() {
    var listeners = new LinkedHashMap<String, String>();
    String controller = "CONTROLLER://127.0.0.1:%d".formatted(controllerPort);
    listeners.put("listeners", "PLAINTEXT://%s:%d,%s".formatted(bindHost(), port, controller));
    listeners.put(
        "advertised.listeners", "PLAINTEXT://%s:%d,%s".formatted(clientHost(), port, controller));
    listeners.put("inter.broker.listener.name", "PLAINTEXT");
    listeners.put("controller.listener.names", "CONTROLLER");
    listeners.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    return serverProperties(listeners);
  }

  /** The server.properties of the broker that enforces the given principals and ACLs. */
  String serverProperties(KafkaSecurity security) {
    return serverProperties(
        security.brokerProperties(bindHost(), clientHost(), port, controllerPort));
  }

  /**
   * The keys of Kafka's own config/server.properties, cut down to one node, after the listener
   * keys. Replication factors and in-sync minimums are 1 because there is no second broker; topics
   * are not auto-created because the services declare theirs, and a typo should fail rather than
   * make a new topic.
   */
  private String serverProperties(Map<String, String> listenerProperties) {
    var properties = new StringBuilder();
    listenerProperties.forEach(
        (key, value) -> properties.append(key).append('=').append(value).append('\n'));
    return properties
        + """
        process.roles=broker,controller
        node.id=1
        controller.quorum.bootstrap.servers=127.0.0.1:%1$d
        metadata.log.dir=%2$s
        log.dirs=%3$s
        num.partitions=3
        auto.create.topics.enable=false
        offsets.topic.replication.factor=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        min.insync.replicas=1
        group.initial.rebalance.delay.ms=0
        """
            .formatted(controllerPort, metadataDir(), dataDir.resolve("logs"));
  }
}
