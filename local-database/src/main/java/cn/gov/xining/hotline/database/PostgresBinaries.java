package cn.gov.xining.hotline.database;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL's server programs (initdb, pg_ctl, postgres) from the binaries Maven brings
 * (io.zonky.test.postgres, the major version docker-compose runs), unpacked once per version: no
 * Docker, nothing installed on the machine. Shared by {@link LocalPostgres} and intake's tests.
 *
 * <p>PostgreSQL refuses to run as root, and root is who builds and runs on the project's machines
 * and CI. As root, the programs run as the user nobody (setpriv, from util-linux), so whatever they
 * are to read or write must be nobody's, or at least reachable by nobody.
 */
public final class PostgresBinaries {

  /** The user nobody's id, and its group's: who the programs run as when this JVM is root. */
  public static final int NOBODY = 65534;

  private final Path directory;

  private PostgresBinaries(Path directory) {
    this.directory = directory;
  }

  /**
   * Where the binaries are unpacked, shared by all of this user's JVMs: {@code
   * <java.io.tmpdir>/hotline-postgres-<user>}. As root, open to nobody, who must reach the
   * programs.
   */
  public static Path home() throws IOException {
    Path home =
        Files.createDirectories(
            Path.of(
                System.getProperty("java.io.tmpdir"),
                "hotline-postgres-" + System.getProperty("user.name")));
    if (asRoot()) {
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return home;
  }

  /** The programs of the version on the classpath, unpacked into {@link #home()} on first use. */
  public static PostgresBinaries unpacked() throws IOException {
    Path home = home();
    byte[] archive;
    try (InputStream in =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
            System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux",
            System.getProperty("os.arch"))) {
      archive = in.readAllBytes();
    }
    Path binaries = home.resolve("binaries-" + sha256(archive).substring(0, 16));
    if (Files.exists(binaries)) {
      return new PostgresBinaries(binaries);
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
    return new PostgresBinaries(binaries);
  }

  /** A program's command line ({@code bin/<program>}), behind setpriv as nobody when root. */
  public List<String> command(String program, String... arguments) {
    var command = new ArrayList<String>();
    if (asRoot()) {
      command.addAll(
          List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    command.add(directory.resolve("bin").resolve(program).toString());
    command.addAll(List.of(arguments));
    return command;
  }

  /** Runs a program to its end; an IllegalStateException with its output if it fails. */
  public void run(String program, String... arguments) throws IOException, InterruptedException {
    List<String> command = command(program, arguments);
    // pg_ctl start hands the server's output to its log file, so this ends when pg_ctl does.
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  public static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Makes a file nobody's when this JVM is root: the server's data must be its own. */
  public static void giveToServer(Path path) throws IOException {
    if (asRoot()) {
      Files.setAttribute(path, "unix:uid", NOBODY);
      Files.setAttribute(path, "unix:gid", NOBODY);
    }
  }

  /** Readable and, where the archive says so, executable by everyone: the server may be nobody. */
  private static Set<PosixFilePermission> permissions(int mode) {
    return PosixFilePermissions.fromString((mode & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Best effort: what is left is a copy nobody uses, not a reason to fail. */
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
