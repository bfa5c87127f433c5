package cn.gov.xining.hotline.endtoend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One service started from its runnable jar, as the run command starts it. */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int instanceNumber;
  private final int port;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, int instanceNumber, int port, Process process, Path log) {
    this.name = name;
    this.instanceNumber = instanceNumber;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * A service with the development profile, checking the tokens of the shared {@link
   * IdentityProvider}.
   */
  static ServiceProcess start(String name, String bootstrapServers, Path dataDir, String... args)
      throws IOException {
    return start(name, bootstrapServers, dataDir, 1, args);
  }

  /** Instance 1 or 2 of a service (cluster mode), with its own data directory. */
  static ServiceProcess start(
      String name, String bootstrapServers, Path dataDir, int instanceNumber, String... args)
      throws IOException {
    var all = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers));
    all.add("--hotline.issuer=" + IdentityProvider.issuer());
    all.addAll(List.of(args));
    return launch(name, instanceNumber, dataDir, all);
  }

  /** The identity provider on a free port, whose issuer is its own URL. */
  static ServiceProcess startIdentityProvider(Path dataDir) throws IOException {
    return launch("identity", 1, dataDir, List.of());
  }

  private static ServiceProcess launch(
      String name, int instanceNumber, Path dataDir, List<String> args) throws IOException {
    String jar = System.getProperty("hotline.jar." + name);
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException(
          "no runnable jar for " + name + " at " + jar + "; run mvn verify");
    }
    int port = freePort();
    Path logs = Path.of(System.getProperty("hotline.logs", "target/service-logs"));
    Files.createDirectories(logs);
    Path log = logs.resolve(name + "-" + port + ".log");
    var command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar,
                "--server.port=" + port,
                "--spring.profiles.active=dev",
                "--hotline.data-dir=" + dataDir));
    if (name.equals("identity")) {
      command.add("--spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + port);
    }
    command.addAll(args);
    var builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // Every broker of these tests has its authorizer on: each service logs in as its own principal
    // with the dev profile's password (a PLAINTEXT broker's test passes
    // --spring.kafka.security.protocol=PLAINTEXT).
    builder.environment().put("HOTLINE_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
    var process = builder.start();
    return new ServiceProcess(name, instanceNumber, port, process, log);
  }

  /** What the service has logged so far. */
  String logText() throws IOException {
    return Files.readString(log);
  }

  int instanceNumber() {
    return instanceNumber;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  void awaitHealthy() {
    awaitHealthy(Duration.ofSeconds(120));
  }

  /** With more time: many services starting at once on two cores take minutes. */
  void awaitHealthy(Duration within) {
    await(name + " healthy (log: " + log + ")")
        .atMost(within)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
              }
              var response =
                  HTTP.send(
                      HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                      HttpResponse.BodyHandlers.ofString());
              return response.statusCode() == 200 && response.body().contains("\"UP\"");
            });
  }

  /** SIGKILL: no shutdown hook, no flush, no transaction commit or abort. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    stop(process);
  }

  /** SIGTERM, and SIGKILL if it has not ended within 30 s. */
  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
