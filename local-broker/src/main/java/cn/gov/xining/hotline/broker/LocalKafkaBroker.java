package cn.gov.xining.hotline.broker;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats the data directory on first start, then runs Kafka through its own entry point, as {@code
 * kafka-storage.sh format --standalone} followed by {@code kafka-server-start.sh} would.
 */
public final class LocalKafkaBroker {

  /** Held until the JVM exits; a static field so that it cannot be garbage collected. */
  private static FileLock dataDirLock;

  private LocalKafkaBroker() {}

  public static void main(String[] args) throws IOException {
    BrokerSettings settings;
    try {
      settings = BrokerSettings.fromArgs(args);
    } catch (IllegalArgumentException e) { // also a NumberFormatException from a bad port
      System.err.println(e.getMessage() + "\n" + BrokerSettings.USAGE);
      System.exit(2);
      return;
    }

    Files.createDirectories(settings.dataDir());
    // One launcher per data directory, checked before anything there is written: Kafka's own
    // directory locks are taken only once the server starts, after formatting.
    FileChannel lockFile =
        FileChannel.open(settings.dataDir().resolve("launcher.lock"), CREATE, WRITE);
    dataDirLock = lockFile.tryLock();
    if (dataDirLock == null) {
      System.err.println("Another local broker is already using " + settings.dataDir());
      System.exit(1);
    }

    Path config = settings.dataDir().resolve("server.properties");
    Files.writeString(config, settings.serverProperties());
    if (Files.notExists(settings.metadataDir().resolve("meta.properties"))) {
      format(config);
    }
    // Kafka.main registers the shutdown hook that stops the broker cleanly on SIGTERM or Ctrl-C,
    // and exits non-zero when start-up fails.
    Kafka.main(new String[] {config.toString()});
  }

  private static void format(Path config) {
    // --standalone makes this node the whole controller quorum. The cluster id is stored in
    // meta.properties, so a random one is chosen only once per data directory.
    String[] formatArgs = {
      "format",
      "--config",
      config.toString(),
      "--cluster-id",
      Uuid.randomUuid().toString(),
      "--standalone"
    };
    int exitCode = StorageTool.execute(formatArgs, System.out);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }
}
