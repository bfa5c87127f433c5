package cn.gov.xining.hotline.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local broker keeps its data, the ports it listens on and, in the secured mode, the file
 * of principals and ACLs it enforces.
 *
 * @param securityFile {@code --security=deploy/kafka-security.yaml}: SASL_PLAINTEXT with SCRAM and
 *     ACLs from that file; null (the option left out) keeps the broker PLAINTEXT without ACLs
 * @param advertisedHost {@code --advertised-host=kafka}: the client port listens on every interface
 *     and tells clients this name (in a container network); null, the default, keeps it on
 *     127.0.0.1. The controller port stays on 127.0.0.1 either way, unless in a cluster.
 * @param nodeId {@code --node-id=2}: this node's id in a cluster; 1 for the single node
 * @param voters {@code --controller-quorum=1@127.0.0.1:9093,2@127.0.0.1:9193,3@127.0.0.1:9293}: the
 *     cluster's controllers (every node is broker and controller), this node among them; empty for
 *     the single node, which is its own quorum
 * @param clusterId {@code --cluster-id=...}: the id every node of a cluster is formatted with (a
 *     base64 UUID, the same on all three); null for the single node, which chooses one
 */
record BrokerSettings(
    Path dataDir,
    int port,
    int controllerPort,
    Path securityFile,
    String advertisedHost,
    int nodeId,
    List<Voter> voters,
    String clusterId) {

  static final String USAGE =
      "usage: LocalKafkaBroker [--data-dir=.run/kafka] [--port=9092] [--controller-port=9093]"
          + " [--security=deploy/kafka-security.yaml] [--advertised-host=kafka]"
          + " [--node-id=1 --controller-quorum=1@host:port,2@host:port,3@host:port"
          + " --cluster-id=<base64 uuid>]";

  /** The most replicas a topic gets, and how many must have a write before it is acknowledged. */
  private static final int FULL_REPLICATION = 3;

  /** One controller of a cluster's quorum: {@code id@host:port}. */
  record Voter(int id, String host, int port) {

    static Voter parse(String voter) {
      String[] idAndAddress = voter.split("@", 2);
      int colon = idAndAddress.length == 2 ? idAndAddress[1].lastIndexOf(':') : -1;
      if (colon < 0) {
        throw new IllegalArgumentException("expected id@host:port in the quorum, not " + voter);
      }
      return new Voter(
          Integer.parseInt(idAndAddress[0]),
          idAndAddress[1].substring(0, colon),
          Integer.parseInt(idAndAddress[1].substring(colon + 1)));
    }

    @Override
    public String toString() {
      return id + "@" + host + ":" + port;
    }
  }

  static BrokerSettings fromArgs(String... args) {
    Path dataDir = Path.of(".run", "kafka");
    int port = 9092;
    int controllerPort = 9093;
    Path securityFile = null;
    String advertisedHost = null;
    int nodeId = 1;
    List<Voter> voters = new ArrayList<>();
    String clusterId = null;
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
        case "--node-id" -> nodeId = Integer.parseInt(option[1]);
        case "--controller-quorum" -> {
          for (String voter : option[1].split(",")) {
            voters.add(Voter.parse(voter.strip()));
          }
        }
        case "--cluster-id" -> clusterId = option[1];
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (!voters.isEmpty()) {
      int self = nodeId;
      var own = voters.stream().filter(voter -> voter.id() == self).findFirst();
      if (own.isEmpty() || own.get().port() != controllerPort) {
        throw new IllegalArgumentException(
            "--controller-quorum must name node "
                + nodeId
                + " with its --controller-port "
                + controllerPort);
      }
      if (clusterId == null) {
        throw new IllegalArgumentException(
            "a cluster's nodes need one --cluster-id, the same on every node");
      }
      if (clusterId.startsWith("-")) {
        // Kafka's own ids never do: the format tool would read it as an option.
        throw new IllegalArgumentException("a --cluster-id must not start with -: " + clusterId);
      }
    }
    // Absolute, because Kafka resolves log.dirs against its own working directory.
    return new BrokerSettings(
        dataDir.toAbsolutePath().normalize(),
        port,
        controllerPort,
        securityFile,
        advertisedHost,
        nodeId,
        List.copyOf(voters),
        clusterId);
  }

  boolean inCluster() {
    return !voters.isEmpty();
  }

  /**
   * Replicas per partition: 3 in a cluster of three or more (every topic, the consumer offsets and
   * the transaction log alike), 1 on the single node.
   */
  int replicationFactor() {
    return Math.min(FULL_REPLICATION, Math.max(1, voters.size()));
  }

  /**
   * With three replicas, a write is acknowledged (acks=all) once two have it: one broker may die or
   * be restarted without losing an acknowledged ticket or stopping the writes.
   */
  int minInsyncReplicas() {
    return replicationFactor() == FULL_REPLICATION ? 2 : 1;
  }

  /** The interface the controller listens on: another node must reach it in a cluster. */
  String controllerBindHost() {
    return inCluster() ? bindHost() : "127.0.0.1";
  }

  /** The controller's address as the quorum names it. */
  String controllerHost() {
    return voters.stream()
        .filter(voter -> voter.id() == nodeId)
        .map(Voter::host)
        .findFirst()
        .orElse("127.0.0.1");
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
    listeners.put(
        "listeners",
        "PLAINTEXT://%s:%d,CONTROLLER://%s:%d"
            .formatted(bindHost(), port, controllerBindHost(), controllerPort));
    listeners.put(
        "advertised.listeners",
        "PLAINTEXT://%s:%d,CONTROLLER://%s:%d"
            .formatted(clientHost(), port, controllerHost(), controllerPort));
    listeners.put("inter.broker.listener.name", "PLAINTEXT");
    listeners.put("controller.listener.names", "CONTROLLER");
    listeners.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    return serverProperties(listeners);
  }

  /** The server.properties of the broker that enforces the given principals and ACLs. */
  String serverProperties(KafkaSecurity security) {
    return serverProperties(
        security.brokerProperties(
            bindHost(),
            clientHost(),
            port,
            controllerBindHost(),
            controllerHost(),
            controllerPort));
  }

  /**
   * The keys of Kafka's own config/server.properties after the listener keys: one node that is its
   * own quorum, or a node of a cluster whose controllers are fixed (static voters). Replication
   * factors and in-sync minimums follow the cluster's size, internal topics included. Topics are
   * not auto-created because the services declare theirs, and a typo should fail rather than make a
   * new topic.
   */
  private String serverProperties(Map<String, String> listenerProperties) {
    var properties = new StringBuilder();
    listenerProperties.forEach(
        (key, value) -> properties.append(key).append('=').append(value).append('\n'));
    String quorum =
        inCluster()
            ? "controller.quorum.voters="
                + String.join(",", voters.stream().map(Voter::toString).toList())
            : "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort;
    return properties
        + """
        process.roles=broker,controller
        node.id=%1$d
        %2$s
        metadata.log.dir=%3$s
        log.dirs=%4$s
        num.partitions=3
        auto.create.topics.enable=false
        default.replication.factor=%5$d
        offsets.topic.replication.factor=%5$d
        transaction.state.log.replication.factor=%5$d
        transaction.state.log.min.isr=%6$d
        share.coordinator.state.topic.replication.factor=%5$d
        share.coordinator.state.topic.min.isr=%6$d
        min.insync.replicas=%6$d
        group.initial.rebalance.delay.ms=0
        """
            .formatted(
                nodeId,
                quorum,
                metadataDir(),
                dataDir.resolve("logs"),
                replicationFactor(),
                minInsyncReplicas());
  }
}
