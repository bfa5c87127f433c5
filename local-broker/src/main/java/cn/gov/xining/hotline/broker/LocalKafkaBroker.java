package cn.gov.xining.hotline.broker;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats the data directory on first start, then runs Kafka through its own entry point, as {@code
 * kafka-storage.sh format --standalone} followed by {@code kafka-server-start.sh} would.
 *
 * <p>With {@code --security=deploy/kafka-security.yaml} the broker takes clients on SASL_PLAINTEXT
 * with SCRAM-SHA-512 only and authorizes every request against that file's ACLs: the first format
 * stores every principal's credential, and once the broker is up {@link SecurityProvisioner} writes
 * the credentials again, makes the ACLs exactly the file's and creates the per-unit topics. Without
 * the option the broker stays PLAINTEXT with no authorizer.
 */
public final class LocalKafkaBroker {

  private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

  /** Held until the JVM exits; a static field so that it cannot be garbage collected. */
  private static FileLock dataDirLock;

  private LocalKafkaBroker() {}

  public static void main(String[] args) throws IOException {
    BrokerSettings settings;
    KafkaSecurity security;
    try {
      settings = BrokerSettings.fromArgs(args);
      security =
          settings.securityFile() == null ? null : KafkaSecurity.read(settings.securityFile());
    } catch (IllegalArgumentException e) { // also a NumberFormatException from a bad port
      System.err.println(e.getMessage() + "\n" + BrokerSettings.USAGE);
      System.exit(2);
      return;
    }

    Files.createDirectories(settings.dataDir());
    // The broker's own password is in server.properties and the appeals are in the segment
    // files: the data directory is its owner's alone.
    if (settings.dataDir().getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(
          settings.dataDir(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
    // One launcher per data directory, checked before anything there is written: Kafka's own
    // directory locks are taken only once the server starts, after formatting.
    FileChannel lockFile =
        FileChannel.open(settings.dataDir().resolve("launcher.lock"), CREATE, WRITE);
    dataDirLock = lockFile.tryLock();
    if (dataDirLock == null) {
      System.err.println("Another local broker is already using " + settings.dataDir());
      System.exit(1);
    }

    Path config = configure(settings, security);
    if (security != null) {
      provisionOnceUp(security, settings);
    }
    // Kafka.main registers the shutdown hook that stops the broker cleanly on SIGTERM or Ctrl-C,
    // and exits non-zero when start-up fails.
    Kafka.main(new String[] {config.toString()});
  }

  /**
   * Writes server.properties and formats the data directory if it is new; returns the properties'
   * path. Without security (null), PLAINTEXT as ever.
   */
  static Path configure(BrokerSettings settings, KafkaSecurity security) throws IOException {
    Path config = settings.dataDir().resolve("server.properties");
    Files.writeString(
        config,
        security == null ? settings.serverProperties() : settings.serverProperties(security));
    if (Files.notExists(settings.metadataDir().resolve("meta.properties"))) {
      format(
          settings.inCluster()
              ? clusterFormatArguments(config, settings.clusterId(), security)
              : formatArguments(config, security));
    }
    return config;
  }

  /**
   * {@code kafka-storage.sh format}'s arguments for a new single-node data directory: this node is
   * the whole controller quorum ({@code --standalone}); the cluster id, stored in meta.properties,
   * is chosen once. With security, the credentials that must exist before the broker first starts.
   */
  public static List<String> formatArguments(Path config, KafkaSecurity security) {
    List<String> formatArgs =
        new ArrayList<>(
            List.of(
                "format",
                "--config",
                config.toString(),
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--standalone"));
    if (security != null) {
      formatArgs.addAll(security.formatArguments());
    }
    return formatArgs;
  }

  /**
   * The same for a node of a cluster whose controllers are fixed in server.properties ({@code
   * controller.quorum.voters}): no {@code --standalone}, and the cluster's one id, so that the
   * three nodes form one cluster.
   */
  static List<String> clusterFormatArguments(
      Path config, String clusterId, KafkaSecurity security) {
    List<String> formatArgs =
        new ArrayList<>(
            List.of("format", "--config", config.toString(), "--cluster-id", clusterId));
    if (security != null) {
      formatArgs.addAll(security.formatArguments());
    }
    return formatArgs;
  }

  private static void format(List<String> formatArgs) {
    int exitCode = StorageTool.execute(formatArgs.toArray(String[]::new), System.out);
    if (exitCode != 0) {
      throw new IllegalStateException("formatting " + formatArgs.get(2) + " failed: " + exitCode);
    }
  }

  /**
   * Kafka.main blocks while the broker runs, so the admin step runs beside it; its client waits for
   * the broker to come up. A broker that cannot enforce the file is stopped rather than left
   * denying everyone without saying why.
   */
  private static void provisionOnceUp(KafkaSecurity security, BrokerSettings settings) {
    var provisioning =
        new Thread(
            () -> {
              try {
                new SecurityProvisioner(security, settings.replicationFactor())
                    .provision("127.0.0.1:" + settings.port());
              } catch (RuntimeException e) {
                log.error("Could not apply {}; stopping the broker", settings.securityFile(), e);
                System.exit(1);
              }
            },
            "kafka-security");
    provisioning.setDaemon(true);
    provisioning.start();
  }
}
