package cn.gov.xining.hotline.endtoend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The run command's Kafka broker ({@code local-broker}) as a process of its own, so a test can do
 * to it what happens to brokers: SIGKILL, SIGSTOP (a broker that hangs), and start it again on the
 * same port with the same data.
 */
final class BrokerProcess implements AutoCloseable {

  private final Path dataDir;
  private final Path log;
  private final int port;
  private final int controllerPort;
  private final List<String> clusterOptions;
  private Process process;
  private long logBefore;

  BrokerProcess(Path dataDir) throws IOException {
    this(dataDir, ServiceProcess.freePort(), ServiceProcess.freePort(), List.of());
  }

  /**
   * A node of a cluster ({@link BrokerCluster}).
   *
   * @param clusterOptions {@code --node-id}, {@code --controller-quorum} and {@code --cluster-id}
   */
  BrokerProcess(Path dataDir, int port, int controllerPort, List<String> clusterOptions)
      throws IOException {
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.clusterOptions = List.copyOf(clusterOptions);
    Path logs = Path.of(System.getProperty("hotline.logs", "target/service-logs"));
    Files.createDirectories(logs);
    this.log = logs.resolve("broker-" + port + ".log");
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  void start() throws IOException {
    launch();
    awaitUp();
  }

  /** Starts the process without waiting: a cluster's nodes wait for each other. */
  void launch() throws IOException {
    logBefore = Files.exists(log) ? Files.size(log) : 0;
    Path root = Path.of(System.getProperty("hotline.repository", ".."));
    Path lib = root.resolve("local-broker/target");
    String version = System.getProperty("hotline.version", "0.1.0-SNAPSHOT");
    String classpath =
        lib.resolve("local-broker-" + version + ".jar")
            + java.io.File.pathSeparator
            + lib
            + "/lib/*";
    var command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                "cn.gov.xining.hotline.broker.LocalKafkaBroker",
                "--data-dir=" + dataDir,
                "--port=" + port,
                "--controller-port=" + controllerPort,
                "--security=" + SecuredKafka.SECURITY_FILE));
    command.addAll(clusterOptions);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** Until the broker takes clients with its principals and ACLs in force. */
  void awaitUp() {
    await("the broker on " + bootstrapServers() + " (log: " + log + ")")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited; see " + log);
              }
              return accepting() && secured();
            });
  }

  /** SIGKILL: no shutdown, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGSTOP: the broker holds its connections and answers nothing, as a hung machine does. */
  void pause() throws Exception {
    signal("-STOP");
  }

  void resume() throws Exception {
    signal("-CONT");
  }

  private void signal(String signal) throws Exception {
    var kill = new ProcessBuilder(List.of("kill", signal, Long.toString(process.pid()))).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill " + signal + " failed");
    }
  }

  /** The principals and ACLs are applied once the broker is up: until then clients are refused. */
  private boolean secured() throws IOException {
    try (var file = new java.io.RandomAccessFile(log.toFile(), "r")) {
      file.seek(logBefore);
      byte[] since = new byte[(int) (file.length() - logBefore)];
      file.readFully(since);
      return new String(since, java.nio.charset.StandardCharsets.UTF_8)
          .contains("Kafka security in force");
    }
  }

  /** A principal's client properties (the development passwords of the security file). */
  java.util.Map<String, Object> clientProperties(String principal) {
    var properties =
        new java.util.HashMap<String, Object>(
            cn.gov.xining.hotline.broker.KafkaSecurity.read(SecuredKafka.SECURITY_FILE)
                .clientProperties(principal));
    properties.put("bootstrap.servers", bootstrapServers());
    return properties;
  }

  private boolean accepting() {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      ServiceProcess.stop(process);
    }
  }
}
