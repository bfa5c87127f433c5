package cn.gov.xining.hotline.intake.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.intake.outbox.Durability;
import cn.gov.xining.hotline.intake.outbox.OutboxProperties;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class TicketNumbersTest {

  private final JdbcDataSource database = new JdbcDataSource();

  TicketNumbersTest() {
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(database).load().migrate();
  }

  /** Numbers handed out at an instant, on that instant's Asia/Shanghai day, as intake does. */
  private Numbers numbersAt(String instant, int node, int blockSize) throws SQLException {
    return numbersAt(instant, node, blockSize, (day, n) -> OptionalLong.empty());
  }

  private Numbers numbersAt(String instant, int node, int blockSize, PublishedNumbers published)
      throws SQLException {
    var numbers =
        new TicketNumbers(
            JdbcClient.create(database),
            new TransactionTemplate(new DataSourceTransactionManager(database)),
            new TicketNumberProperties(node, blockSize),
            new Durability(
                JdbcClient.create(database),
                database,
                new OutboxProperties.Checkpoints(
                    java.time.Duration.ZERO, java.time.Duration.ZERO, false),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
            published);
    var day = Instant.parse(instant).atZone(HotlineTime.ZONE).toLocalDate();
    return () -> numbers.next(day);
  }

  interface Numbers {
    String next();
  }

  @Test
  void numbersCarryTheShanghaiDayTheNodeAndADailySequence() throws Exception {
    // 17:30 UTC on 30 January is already 31 January in Xining.
    var numbers = numbersAt("2026-01-30T17:30:00Z", 1, 50);

    assertThat(numbers.next()).isEqualTo("260131-01-0001");
    assertThat(numbers.next()).isEqualTo("260131-01-0002");
  }

  @Test
  void aRestartedInstanceNeverReusesANumber() throws Exception {
    var beforeRestart = numbersAt("2026-01-31T02:00:00Z", 1, 10);
    var issued = new HashSet<String>();
    for (int i = 0; i < 3; i++) {
      issued.add(beforeRestart.next());
    }

    var afterRestart = numbersAt("2026-01-31T03:00:00Z", 1, 10);

    assertThat(afterRestart.next()).isEqualTo("260131-01-0011").isNotIn(issued);
  }

  @Test
  void aResetDatabaseStartsAboveTheNumbersAlreadyPublishedThatDay() throws Exception {
    // given intake's database is new, but Kafka holds 260131-01-0950 from before the reset (and
    // another node's and another day's higher numbers, which do not count)
    PublishedNumbers onKafka =
        (day, node) ->
            day.toString().equals("2026-01-31") && node == 1
                ? OptionalLong.of(950)
                : OptionalLong.empty();

    var numbers = numbersAt("2026-01-31T02:00:00Z", 1, 10, onKafka);

    // then the first number is above every published one, and so are the next
    assertThat(numbers.next()).isEqualTo("260131-01-0951");
    assertThat(numbers.next()).isEqualTo("260131-01-0952");
    assertThat(numbersAt("2026-01-31T02:00:00Z", 2, 10, onKafka).next())
        .isEqualTo("260131-02-0001");
  }

  @Test
  void eachDayStartsAgainAtOne() throws Exception {
    numbersAt("2026-01-31T02:00:00Z", 1, 10).next();

    assertThat(numbersAt("2026-02-01T02:00:00Z", 1, 10).next()).isEqualTo("260201-01-0001");
  }

  @Test
  void instancesSharingADatabaseNeverHandOutTheSameNumber() throws Exception {
    var first = numbersAt("2026-01-31T02:00:00Z", 1, 7);
    var second = numbersAt("2026-01-31T02:00:00Z", 1, 7);
    Set<String> issued = ConcurrentHashMap.newKeySet();

    var pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 400; i++) {
      var numbers = i % 2 == 0 ? first : second;
      pool.submit(() -> issued.add(numbers.next()));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(issued).hasSize(400);
  }

  @Test
  void sequencesPastNineThousandNineHundredNinetyNineGrowAnotherDigit() throws Exception {
    var numbers = numbersAt("2026-01-31T02:00:00Z", 2, 10_000);
    for (int i = 1; i < 10_000; i++) {
      numbers.next();
    }

    assertThat(numbers.next()).isEqualTo("260131-02-10000");
  }
}
