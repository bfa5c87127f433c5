package cn.gov.xining.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class DurabilityTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private Durability durability(Path directory, Duration patience) throws SQLException {
    return durability(directory, patience, false);
  }

  private Durability durability(Path directory, Duration patience, boolean sync)
      throws SQLException {
    var database = new JdbcDataSource();
    database.setURL("jdbc:h2:file:" + directory.resolve("intake") + ";DB_CLOSE_ON_EXIT=FALSE");
    return new Durability(
        JdbcClient.create(database),
        database,
        new OutboxProperties.Checkpoints(Duration.ZERO, patience, sync),
        meters);
  }

  private double checkpoints() {
    return meters.counter("hotline.intake.durability.checkpoints").count();
  }

  @Test
  void aStatusListenerRidesOnTheCheckpointOfTheNextTicket(@TempDir Path directory)
      throws Exception {
    var durability = durability(directory, Duration.ofMinutes(5));

    var listener = CompletableFuture.runAsync(durability::awaitDurableUnhurried);
    await().until(() -> durability.hasWaiting());
    durability.awaitDurable(); // a new ticket's request

    listener.get(30, TimeUnit.SECONDS);
    assertThat(checkpoints()).isEqualTo(1);
  }

  @Test
  void aStatusListenerAloneCheckpointsOnceItsPatienceIsUsedUp(@TempDir Path directory)
      throws Exception {
    var durability = durability(directory, Duration.ofMillis(50));

    long start = System.nanoTime();
    durability.awaitDurableUnhurried();

    assertThat(checkpoints()).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("it waited for somebody else's checkpoint first")
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
  }

  @Test
  void theCheckpointThatForcesTheFileToTheDeviceIsOneH2Accepts(@TempDir Path directory)
      throws Exception {
    var durability = durability(directory, Duration.ZERO, true);

    durability.awaitDurable();

    assertThat(checkpoints()).isEqualTo(1);
  }
}
