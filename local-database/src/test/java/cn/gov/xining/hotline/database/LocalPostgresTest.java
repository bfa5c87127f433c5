package cn.gov.xining.hotline.database;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher as bin/hotline does, in its own JVM with bin/hotline's heap, because what
 * matters is the process: what it leaves on disk for the next start, its shutdown on SIGTERM, its
 * password and its lock.
 */
class LocalPostgresTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String PASSWORD = "test-password";

  /**
   * The launchers' java.io.tmpdir: the binaries are unpacked there once for the class, as on a
   * machine that never ran them, and the machine's own copy is left alone.
   */
  @TempDir static Path tmp;

  @TempDir Path work;

  private final int port = freePort();
  private final List<Process> launched = new ArrayList<>();
  private String testName;

  @BeforeAll
  static void letNobodyReachTheBinaries() throws IOException {
    openToNobody(tmp);
  }

  @BeforeEach
  void letNobodyReachTheDataDirectory(TestInfo test) throws IOException {
    openToNobody(work);
    testName = test.getTestMethod().orElseThrow().getName();
  }

  @AfterEach
  void stopEverythingLaunched() throws InterruptedException {
    // SIGTERM, so that the launcher stops its server: SIGKILL would leave the server running.
    for (Process process : launched) {
      process.destroy();
      if (!process.waitFor(TIMEOUT.toSeconds(), SECONDS)) {
        process.destroyForcibly().waitFor(TIMEOUT.toSeconds(), SECONDS);
      }
    }
  }

  @Test
  void keepsACommittedRowAcrossARestartOnTheSameDataDirectory() throws Exception {
    // given a new data directory, and a row written in the database the launcher created
    Path dataDir = work.resolve("postgres");
    Process first = launch(dataDir, port);
    awaitReady(first, 1);
    try (Connection connection = connect(PASSWORD);
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE ticket (number text PRIMARY KEY, content text NOT NULL)");
      statement.execute(
          "INSERT INTO ticket VALUES ('XN-20240501-0001', 'no hot water since Monday')");
    }

    // when the launcher is stopped with SIGTERM, as bin/hotline stops it, and started again
    first.destroy();
    assertThat(first.waitFor(TIMEOUT.toSeconds(), SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();
    assertThat(Files.readString(logOf(1))).contains("PostgreSQL stopped");
    awaitReady(launch(dataDir, port), 2);

    // then the row is still there, and the data directory is still its owner's alone
    try (Connection connection = connect(PASSWORD);
        var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT content FROM ticket")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("no hot water since Monday");
    }
    assertThat(Files.readString(logOf(2))).doesNotContain("Creating a new PostgreSQL");
    assertThat(Files.getPosixFilePermissions(dataDir))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void refusesAWrongPasswordAndNoPassword() throws Exception {
    // given a running launcher
    awaitReady(launch(work.resolve("postgres"), port), 1);

    // when clients log in with a wrong password and with none, then both are refused
    assertThatThrownBy(() -> connect("intake-dev-password").close())
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("28P01"); // invalid_password
    assertThatThrownBy(() -> connect(null).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no password was provided");
  }

  @Test
  void refusesASecondLauncherOnADataDirectoryInUseAndLeavesTheFirstOneServing() throws Exception {
    // given a running launcher
    Path dataDir = work.resolve("postgres");
    Process first = launch(dataDir, port);
    awaitReady(first, 1);

    // when a second one is started on the same directory, on another port so only the lock stops it
    Process second = launch(dataDir, freePort());

    // then the second exits with an error and the first keeps serving
    assertThat(second.waitFor(TIMEOUT.toSeconds(), SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(1);
    assertThat(Files.readString(logOf(2)))
        .contains("Another local PostgreSQL is already using " + dataDir);
    assertThat(first.isAlive()).isTrue();
    connect(PASSWORD).close();
  }

  @Test
  void keepsTheDataWhereNobodyCanReachItWhenRunAsRootBelowAClosedDirectory() throws Exception {
    assumeThat(System.getProperty("user.name")).isEqualTo("root");
    // given a data directory below one that only its owner may enter, as a home directory
    Path closed = Files.createDirectory(work.resolve("closed"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

    // when the launcher is started there as root
    Process launcher = launch(closed.resolve("hotline/postgres"), port);

    // then it says where the data lives instead, and serves
    awaitReady(launcher, 1);
    String log = Files.readString(logOf(1));
    assertThat(log).contains("nobody cannot enter " + closed + " (mode 700)");
    connect(PASSWORD).close();
    Path relocated =
        Path.of(log.replaceAll("(?s).*its data lives in (\\S+) instead.*", "$1")).getParent();
    assertThat(relocated.toString()).startsWith("/var/tmp/hotline-postgres-");
    launcher.destroy();
    assertThat(launcher.waitFor(TIMEOUT.toSeconds(), SECONDS)).isTrue();
    try (var paths = Files.walk(relocated)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private Process launch(Path dataDir, int port) throws IOException {
    Path log = logOf(launched.size() + 1);
    Files.createDirectories(log.getParent());
    var builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // bin/hotline's heap: enough to unpack the binaries on first start.
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                LocalPostgres.class.getName(),
                "--data-dir=" + dataDir,
                "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put(DatabaseSettings.PASSWORD_VARIABLE, PASSWORD);
    Process process = builder.start();
    launched.add(process);
    return process;
  }

  private Path logOf(int launch) {
    return Path.of("target", "local-database-test", testName + "-" + launch + ".log");
  }

  private void awaitReady(Process launcher, int launch) {
    await()
        .atMost(TIMEOUT)
        .failFast("the launcher exited; see " + logOf(launch), () -> !launcher.isAlive())
        .until(
            () ->
                Files.readString(logOf(launch))
                    .contains("PostgreSQL ready on 127.0.0.1:" + port + ", database intake"));
  }

  private Connection connect(String password) throws SQLException {
    var login = new Properties();
    login.setProperty("user", "intake");
    if (password != null) {
      login.setProperty("password", password);
    }
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/intake", login);
  }

  /** JUnit makes its directories 0700; as root the server runs as nobody, who must pass. */
  private static void openToNobody(Path directory) throws IOException {
    if (PostgresBinaries.asRoot()) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
