package cn.gov.xining.hotline.database;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs PostgreSQL in the foreground for the run command, as {@code initdb} on first start and then
 * {@code postgres -D <data-dir>} would: password logins only (SCRAM-SHA-256), TCP on 127.0.0.1
 * only, PostgreSQL's durable defaults. SIGTERM or Ctrl-C stops the server with {@code pg_ctl stop
 * --mode=fast} and exits 0; a server that exits on its own makes the launcher exit 1.
 */
public final class LocalPostgres {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** Held until the JVM exits; a static field so that it cannot be garbage collected. */
  private static FileLock dataDirLock;

  private final DatabaseSettings settings;

  /** The requested data directory, or where its data lives when nobody cannot reach it. */
  private Path dataDir;

  private PostgresBinaries binaries;

  /** Set by the shutdown hook: the server's exit is then asked for, not a failure. */
  private volatile boolean stopping;

  private LocalPostgres(DatabaseSettings settings) {
    this.settings = settings;
    this.dataDir = settings.dataDir();
  }

  public static void main(String[] args) {
    // zonky's binary resolver logs through SLF4J, and the launcher has no SLF4J provider: silence
    // rather than three lines of warning at every start. The launcher says what matters itself.
    System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    System.setProperty("slf4j.internal.verbosity", "WARN");
    DatabaseSettings settings;
    try {
      settings = DatabaseSettings.fromArgs(System.getenv(), args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + DatabaseSettings.USAGE);
      System.exit(2);
      return;
    }
    var launcher = new LocalPostgres(settings);
    try {
      launcher.run();
    } catch (Exception e) {
      if (launcher.stopping) {
        return; // a signal is stopping the server; the shutdown hook ends the JVM
      }
      if (e instanceof IllegalStateException) {
        System.err.println(e.getMessage());
      } else {
        e.printStackTrace();
      }
      System.exit(1);
    }
  }

  /** Returns only when the shutdown hook has stopped the server; throws when anything fails. */
  private void run() throws IOException, InterruptedException, SQLException {
    Files.createDirectories(dataDir.getParent());
    lockDataDir();
    if (PostgresBinaries.asRoot()) {
      Path closed = firstClosedToNobody(dataDir.getParent());
      if (closed != null) {
        dataDir = reachableCopyOf(settings.dataDir());
        say(
            ("PostgreSQL runs as the user nobody when the launcher is root, and nobody cannot"
                    + " enter %s (mode %o): its data lives in %s instead, the same at every start")
                .formatted(closed, (int) Files.getAttribute(closed, "unix:mode") & 0777, dataDir));
      }
    }
    binaries = PostgresBinaries.unpacked();
    boolean fresh = Files.notExists(dataDir.resolve("PG_VERSION"));
    if (fresh) {
      Files.createDirectories(dataDir);
      PostgresBinaries.giveToServer(dataDir);
    }
    // The tickets and the callers' sealed numbers are in it: its owner's alone.
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    if (fresh) {
      createCluster();
    } else {
      stopAbandonedServer();
    }

    Process server = start();
    try {
      try (Connection connection = connectWhenReady(server, "postgres")) {
        createDatabaseIfMissing(connection);
      }
      say(
          "PostgreSQL ready on 127.0.0.1:%d, database %s"
              .formatted(settings.port(), settings.database()));
      int status = server.waitFor();
      if (!stopping) {
        throw new IllegalStateException(
            "PostgreSQL exited with status " + status + "; its messages are above");
      }
    } catch (Exception e) {
      if (!stopping && server.isAlive()) {
        stop();
      }
      throw e;
    }
  }

  private void lockDataDir() throws IOException {
    dataDirLock = FileChannel.open(settings.lockFile(), CREATE, WRITE).tryLock();
    if (dataDirLock == null) {
      throw new IllegalStateException("Another local PostgreSQL is already using " + dataDir);
    }
  }

  /**
   * As root the server runs as nobody, who must pass through every directory above its data: a home
   * directory or a private temporary one (mode 700) is the usual obstacle, and PostgreSQL would
   * only say "Permission denied". The first such directory, or null.
   */
  private static Path firstClosedToNobody(Path parent) throws IOException {
    for (Path directory = parent.toRealPath();
        directory != null;
        directory = directory.getParent()) {
      int mode = (int) Files.getAttribute(directory, "unix:mode");
      int owner = (int) Files.getAttribute(directory, "unix:uid");
      int group = (int) Files.getAttribute(directory, "unix:gid");
      int search =
          owner == PostgresBinaries.NOBODY ? 0100 : group == PostgresBinaries.NOBODY ? 0010 : 0001;
      if ((mode & search) == 0) {
        return directory;
      }
    }
    return null;
  }

  /**
   * Where the data of a directory nobody cannot reach lives instead: under /var/tmp (kept across
   * reboots), named by the requested directory so that every start finds the same data. Opening the
   * user's own directories to everyone is not the launcher's call.
   */
  private static Path reachableCopyOf(Path requested) throws IOException {
    String name =
        java.util.HexFormat.of()
            .formatHex(sha256(requested.toAbsolutePath().normalize().toString()), 0, 8);
    Path home = Files.createDirectories(Path.of("/var/tmp", "hotline-postgres-" + name));
    // Passable, not listable, by nobody; the data directory inside is nobody's alone.
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx--x--x"));
    if (firstClosedToNobody(home) != null) {
      throw new IllegalStateException("nobody cannot reach " + home + " either");
    }
    return home.resolve("data");
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** initdb: the user as superuser, with the password; no login without it, not even locally. */
  private void createCluster() throws IOException, InterruptedException {
    say("Creating a new PostgreSQL data directory in " + dataDir);
    // Beside the data directory, because initdb wants that empty; 0600, and nobody's when root.
    Path passwordFile = Files.createTempFile(dataDir.getParent(), ".initdb-", ".password");
    try {
      Files.writeString(passwordFile, settings.password());
      PostgresBinaries.giveToServer(passwordFile);
      binaries.run(
          "initdb",
          "--pgdata=" + dataDir,
          "--username=" + settings.user(),
          "--pwfile=" + passwordFile,
          "--auth=scram-sha-256",
          "--encoding=UTF8",
          // The same sort order on every machine, whatever locales it has installed.
          "--locale=C",
          "--no-instructions");
    } finally {
      Files.deleteIfExists(passwordFile);
    }
  }

  /**
   * A server whose launcher was killed (SIGKILL leaves it no time to stop it) would keep the data
   * directory and the port. This launcher holds the lock now, so such a server is its to stop; only
   * a process started on this very data directory counts, never whoever has its pid now.
   */
  private void stopAbandonedServer() throws IOException, InterruptedException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (Files.notExists(pidFile)) {
      return;
    }
    String pid = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
    boolean abandoned =
        pid.matches("\\d+")
            && ProcessHandle.of(Long.parseLong(pid))
                .flatMap(process -> process.info().arguments())
                .map(arguments -> List.of(arguments).contains(dataDir.toString()))
                .orElse(false);
    if (abandoned) {
      say("Stopping the PostgreSQL (pid " + pid + ") a killed launcher left running");
      binaries.run("pg_ctl", "stop", "--pgdata=" + dataDir, "--mode=fast", "--wait");
    }
  }

  /** The server as a child whose output is the launcher's, stopped by the shutdown hook. */
  private Process start() throws IOException {
    var command = new ArrayList<String>();
    if (System.getProperty("os.name").equals("Linux")) {
      // A session of its own: Ctrl-C in a terminal reaches the launcher only, which stops the
      // server itself and so knows the exit was asked for.
      command.add("setsid");
    }
    command.addAll(
        binaries.command(
            "postgres",
            "-D",
            dataDir.toString(),
            "-p",
            String.valueOf(settings.port()),
            // Here rather than in postgresql.conf, so that they hold whatever that file says.
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "unix_socket_directories="));
    Process server =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (!server.isAlive()) {
                    return; // it died, or a failure stopped it: the exit status stands
                  }
                  stopping = true;
                  // Exit 0: SIGTERM's default status would be 143, and this stop was asked for.
                  Runtime.getRuntime().halt(stop() ? 0 : 1);
                },
                "postgres-stop"));
    return server;
  }

  /** Fast shutdown: clients are disconnected, and what they committed is on disk. */
  private boolean stop() {
    try {
      binaries.run("pg_ctl", "stop", "--pgdata=" + dataDir, "--mode=fast", "--wait");
      say("PostgreSQL stopped");
      return true;
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not stop PostgreSQL: " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Connection connectWhenReady(Process server, String database) throws InterruptedException {
    var login = new Properties();
    login.setProperty("user", settings.user());
    login.setProperty("password", settings.password());
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (true) {
      try {
        return DriverManager.getConnection(settings.url(database), login);
      } catch (SQLException notYet) {
        if (notYet.getSQLState() != null && notYet.getSQLState().startsWith("28")) {
          throw new IllegalStateException(
              ("PostgreSQL refused user %s with this password: %s keeps the password of its first"
                      + " start (%s or --password then)")
                  .formatted(settings.user(), dataDir, DatabaseSettings.PASSWORD_VARIABLE),
              notYet);
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "PostgreSQL did not accept connections within " + START_TIMEOUT, notYet);
        }
      }
      // The pause between attempts, cut short if the server exits.
      if (server.waitFor(100, MILLISECONDS)) {
        throw new IllegalStateException(
            "PostgreSQL exited with status %d while starting; its messages are above"
                .formatted(server.exitValue()));
      }
    }
  }

  /** At every start, not only the first: a launcher stopped in between leaves none. */
  private void createDatabaseIfMissing(Connection connection) throws SQLException {
    try (var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, settings.database());
      if (exists.executeQuery().next()) {
        return;
      }
    }
    try (var statement = connection.createStatement()) {
      // The name is checked to be a plain identifier (DatabaseSettings): nothing to escape.
      statement.execute("CREATE DATABASE " + settings.database());
    }
    say("Created database " + settings.database());
  }

  private static void say(String message) {
    System.out.println(message);
  }
}
