package cn.gov.xining.hotline.endtoend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * Three local-broker processes forming one KRaft cluster, as {@code bin/hotline up --cluster}
 * starts them: every node broker and controller, replication factor 3, {@code
 * min.insync.replicas=2}, the security file's principals and ACLs.
 */
final class BrokerCluster implements AutoCloseable {

  private final List<BrokerProcess> nodes = new ArrayList<>();

  BrokerCluster(Path dataDir) throws IOException {
    var ports = new ArrayList<int[]>();
    for (int node = 1; node <= 3; node++) {
      ports.add(new int[] {ServiceProcess.freePort(), ServiceProcess.freePort()});
    }
    String quorum =
        java.util.stream.IntStream.range(0, 3)
            .mapToObj(i -> (i + 1) + "@127.0.0.1:" + ports.get(i)[1])
            .collect(Collectors.joining(","));
    String clusterId = Uuid.randomUuid().toString();
    for (int i = 0; i < 3; i++) {
      nodes.add(
          new BrokerProcess(
              dataDir.resolve("kafka-" + (i + 1)),
              ports.get(i)[0],
              ports.get(i)[1],
              List.of(
                  "--node-id=" + (i + 1),
                  "--controller-quorum=" + quorum,
                  "--cluster-id=" + clusterId)));
    }
  }

  /** All three at once: each waits for the others before it creates the topics. */
  void start() throws IOException {
    for (var node : nodes) {
      node.launch();
    }
    nodes.forEach(BrokerProcess::awaitUp);
  }

  /** Node 1, 2 or 3. */
  BrokerProcess node(int number) {
    return nodes.get(number - 1);
  }

  String bootstrapServers() {
    return nodes.stream().map(BrokerProcess::bootstrapServers).collect(Collectors.joining(","));
  }

  /** A principal's client properties, with every node to bootstrap from. */
  java.util.Map<String, Object> clientProperties(String principal) {
    var properties = nodes.get(0).clientProperties(principal);
    properties.put("bootstrap.servers", bootstrapServers());
    return properties;
  }

  @Override
  public void close() throws InterruptedException {
    for (var node : nodes) {
      node.close();
    }
  }
}
