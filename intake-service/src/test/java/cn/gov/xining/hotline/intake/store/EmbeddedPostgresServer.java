package cn.gov.xining.hotline.intake.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for intake's tests, one per test JVM: started on first use from the
 * binaries Maven brings (io.zonky.test.postgres, the major version docker-compose runs), stopped
 * when the JVM exits. No Docker, nothing installed on the machine.
 *
 * <p>Not zonky's own launcher: PostgreSQL refuses to run as root, and root is who builds on the
 * project's machines and CI. As root, the server's programs run as the user nobody (setpriv, from
 * util-linux), its files in the temporary directory, where nobody can reach them.
 */
public final class EmbeddedPostgresServer {

  /** The superuser, with docker-compose's name: application.yml's username needs no override. */
  private static final String USER = "intake";

  private static final int NOBODY = 65534;

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
    Path home =
        Files.createDirectories(
            Path.of(
                System.getProperty("java.io.tmpdir"),
                "hotline-postgres-" + System.getProperty("user.name")));
    stopAbandonedServers(home);
    Path binaries = binaries(home);
    Path run = Files.createTempDirectory(home, "run-");
    // Held until this JVM ends, however it ends: a run directory whose lock is free is abandoned.
    // Kept in a field: a channel left to the garbage collector is closed, and its lock with it.
    runLock =
        FileChannel.open(run.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)
            .lock();
    if (asRoot()) {
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setAttribute(run, "unix:uid", NOBODY);
      Files.setAttribute(run, "unix:gid", NOBODY);
    }
    Path data = run.resolve("data");
    serverCommand(
        binaries.resolve("bin/initdb").toString(),
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
      serverCommand(
          binaries.resolve("bin/pg_ctl").toString(),
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

  private static void stop(Path binaries, Path run) {
    try {
      serverCommand(
          binaries.resolve("bin/pg_ctl").toString(),
          "stop",
          "--pgdata=" + run.resolve("data"),
          "--mode=immediate",
          "--wait");
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not stop the embedded PostgreSQL in " + run + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The server's programs, unpacked once per version into the temporary directory. */
  private static Path binaries(Path home) throws IOException {
    byte[] archive;
    try (InputStream in =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
            System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux",
            System.getProperty("os.arch"))) {
      archive = in.readAllBytes();
    }
    Path binaries = home.resolve("binaries-" + sha256(archive).substring(0, 16));
    if (Files.exists(binaries)) {
      return binaries;
    }
    // Unpacked aside and moved in whole: a JVM that dies half-way leaves no half a server.
    Path unpacking = Files.createTempDirectory(home, "unpacking-");
    try (var tar =
        new TarArchiveInputStream(new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
      for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path target = unpacking.resolve(entry.getName()).normalize();
        if (!target.startsWith(unpacking)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
          Files.copy(tar, target);
          Files.setPosixFilePermissions(target, permissions(entry.getMode()));
        }
      }
    }
    try (Stream<Path> all = Files.walk(unpacking)) {
      for (Path directory : all.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    try {
      Files.move(unpacking, binaries, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException otherJvm) {
      delete(unpacking);
    }
    return binaries;
  }

  /** Readable and, where the archive says so, executable by everyone: the server may be nobody. */
  private static Set<PosixFilePermission> permissions(int mode) {
    return PosixFilePermissions.fromString((mode & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--");
  }

  /** Runs one of the server's programs to its end, as nobody when this JVM is root. */
  private static void serverCommand(String... command) throws IOException, InterruptedException {
    var full = new ArrayList<String>();
    if (asRoot()) {
      full.addAll(
          List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    full.addAll(List.of(command));
    // pg_ctl start hands the server's output to its log file, so this ends when pg_ctl does.
    var process = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
