package cn.gov.xining.hotline.intake.store;

import cn.gov.xining.hotline.database.PostgresBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for intake's tests, one per test JVM: started on first use from the
 * binaries Maven brings ({@link PostgresBinaries}, shared with the run command's LocalPostgres),
 * stopped when the JVM exits. No Docker, nothing installed on the machine.
 *
 * <p>Not zonky's own launcher: PostgreSQL refuses to run as root, and root is who builds on the
 * project's machines and CI. As root, the server's programs run as the user nobody, its files in
 * the temporary directory, where nobody can reach them.
 */
public final class EmbeddedPostgresServer {

  /** The superuser, with docker-compose's name: application.yml's username needs no override. */
  private static final String USER = "intake";

  /**
   * Speed over durability (a test's data dies with the JVM); connections for every cached Spring
   * context's pool; TCP on the loopback only, no Unix socket in a directory shared with others.
   */
  private static final String SETTINGS =
      """

      listen_addresses = '127.0.0.1'
      unix_socket_directories = ''
      max_connections = 400
      fsync = off
      synchronous_commit = off
      full_page_writes = off
      """;

  private static boolean started;
  private static FileLock runLock;
  private static int port;
  private static int databases;

  private EmbeddedPostgresServer() {}

  /** A new, empty database on the server (started if it is not yet): its JDBC URL. */
  public static synchronized String newDatabase() {
    try {
      if (!started) {
        start();
        started = true;
      }
      String name = "intake_" + ++databases;
      try (var connection = DriverManager.getConnection(url("postgres"));
          var statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      return url(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException | InterruptedException e) {
      throw new IllegalStateException("could not create a database on the embedded PostgreSQL", e);
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://127.0.0.1:%d/%s?user=%s".formatted(port, database, USER);
  }

  private static void start() throws IOException, InterruptedException {
    Path home = PostgresBinaries.home();
    stopAbandonedServers(home);
    PostgresBinaries binaries = PostgresBinaries.unpacked();
    Path run = Files.createTempDirectory(home, "run-");
    // Held until this JVM ends, however it ends: a run directory whose lock is free is abandoned.
    // Kept in a field: a channel left to the garbage collector is closed, and its lock with it.
    runLock =
        FileChannel.open(run.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)
            .lock();
    PostgresBinaries.giveToServer(run);
    Path data = run.resolve("data");
    binaries.run(
        "initdb",
        "--pgdata=" + data,
        "--username=" + USER,
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync",
        "--no-instructions");
    Files.writeString(data.resolve("postgresql.conf"), SETTINGS, StandardOpenOption.APPEND);
    port = freePort();
    Path log = run.resolve("postgres.log");
    try {
      binaries.run(
          "pg_ctl",
          "start",
          "--pgdata=" + data,
          "--log=" + log,
          "--options=-p " + port,
          "--wait",
          "--timeout=60");
    } catch (IllegalStateException notStarted) {
      throw new IllegalStateException(
          notStarted.getMessage() + "\nThe server's log:\n" + Files.readString(log), notStarted);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop(binaries, run);
                  delete(run);
                },
                "embedded-postgres-stop"));
  }

  /** Servers of test JVMs that were killed before they could stop theirs. */
  private static void stopAbandonedServers(Path home) throws IOException {
    List<Path> runs;
    try (Stream<Path> children = Files.list(home)) {
      runs = children.filter(p -> p.getFileName().toString().startsWith("run-")).toList();
    }
    for (Path run : runs) {
      if (!Files.exists(run.resolve("lock"))) {
        continue; // a JVM between making its run directory and locking it
      }
      try (var channel = FileChannel.open(run.resolve("lock"), StandardOpenOption.WRITE);
          var lock = channel.tryLock()) {
        if (lock == null) {
          continue; // a live JVM's
        }
      } catch (OverlappingFileLockException ours) {
        continue;
      }
      Path pidFile = run.resolve("data/postmaster.pid");
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle.of(pid)
            .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
            .ifPresent(ProcessHandle::destroy); // SIGTERM: no client is left to wait for
      }
      delete(run);
    }
  }

  private static void stop(PostgresBinaries binaries, Path run) {
    try {
      binaries.run(
          "pg_ctl", "stop", "--pgdata=" + run.resolve("data"), "--mode=immediate", "--wait");
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not stop the embedded PostgreSQL in " + run + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> all = Files.walk(directory)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("Could not delete " + directory + ": " + e);
    }
  }
}
