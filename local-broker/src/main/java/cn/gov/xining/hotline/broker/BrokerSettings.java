package cn.gov.xining.hotline.broker;

import java.nio.file.Path;

/** Where the local broker keeps its data and the loopback ports it listens on. */
record BrokerSettings(Path dataDir, int port, int controllerPort) {

  static final String USAGE =
      "usage: LocalKafkaBroker [--data-dir=.run/kafka] [--port=9092] [--controller-port=9093]";

  static BrokerSettings fromArgs(String... args) {
    Path dataDir = Path.of(".run", "kafka");
    int port = 9092;
    int controllerPort = 9093;
    for (String arg : args) {
      String[] option = arg.split("=", 2);
      if (option.length != 2) {
        throw new IllegalArgumentException("expected --option=value, not " + arg);
      }
      switch (option[0]) {
        case "--data-dir" -> dataDir = Path.of(option[1]);
        case "--port" -> port = Integer.parseInt(option[1]);
        case "--controller-port" -> controllerPort = Integer.parseInt(option[1]);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    // Absolute, because Kafka resolves log.dirs against its own working directory.
    return new BrokerSettings(dataDir.toAbsolutePath().normalize(), port, controllerPort);
  }

  /**
   * The KRaft metadata log, apart from the topic logs so that Kafka locks it before writing to it.
   * With one shared directory the controller writes before the broker takes the lock, and a second
   * broker on that directory corrupts the first one's metadata log (seen with Kafka 4.2.1).
   */
  Path metadataDir() {
    return dataDir.resolve("metadata");
  }

  /**
   * The keys of Kafka's own config/server.properties, cut down to one node. Replication factors and
   * in-sync minimums are 1 because there is no second broker; topics are not auto-created because
   * the services declare theirs, and a typo should fail rather than make a new topic.
   */
  String serverProperties() {
    return """
        process.roles=broker,controller
        node.id=1
        controller.quorum.bootstrap.servers=127.0.0.1:%2$d
        listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        inter.broker.listener.name=PLAINTEXT
        controller.listener.names=CONTROLLER
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        metadata.log.dir=%3$s
        log.dirs=%4$s
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
        .formatted(port, controllerPort, metadataDir(), dataDir.resolve("logs"));
  }
}
