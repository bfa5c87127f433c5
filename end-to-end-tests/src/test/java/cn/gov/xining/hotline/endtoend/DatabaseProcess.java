package cn.gov.xining.hotline.endtoend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The run command's PostgreSQL for intake ({@code local-database}) as a process of its own: the
 * database two intake instances share in cluster mode.
 */
final class DatabaseProcess implements AutoCloseable {

  static final String USER = "intake";
  static final String PASSWORD = "intake-dev-password";

  private final int port;
  private final Process process;
  private final Path log;

  private DatabaseProcess(int port, Process process, Path log) {
    this.port = port;
    this.process = process;
    this.log = log;
  }

  static DatabaseProcess start(Path dataDir) throws IOException {
    int port = ServiceProcess.freePort();
    Path logs = Path.of(System.getProperty("hotline.logs", "target/service-logs"));
    Files.createDirectories(logs);
    Path log = logs.resolve("postgres-" + port + ".log");
    Path target =
        Path.of(System.getProperty("hotline.repository", "..")).resolve("local-database/target");
    String version = System.getProperty("hotline.version", "0.1.0-SNAPSHOT");
    var process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m",
                    "-cp",
                    target.resolve("local-database-" + version + ".jar")
                        + java.io.File.pathSeparator
                        + target
                        + "/lib/*",
                    "cn.gov.xining.hotline.database.LocalPostgres",
                    "--data-dir=" + dataDir,
                    "--port=" + port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    var database = new DatabaseProcess(port, process, log);
    await("PostgreSQL on 127.0.0.1:" + port + " (log: " + log + ")")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited; see " + log);
              }
              return Files.readString(log).contains("PostgreSQL ready");
            });
    return database;
  }

  /** The options an intake instance is started with to keep its tickets here. */
  List<String> intakeOptions() {
    return List.of(
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/intake",
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD);
  }

  @Override
  public void close() throws InterruptedException {
    ServiceProcess.stop(process);
  }
}
