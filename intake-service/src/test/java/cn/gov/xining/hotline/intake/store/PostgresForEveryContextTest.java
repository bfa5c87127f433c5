package cn.gov.xining.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizerFactory;

/** The second test run's switch to PostgreSQL, on the real embedded server. */
class PostgresForEveryContextTest {

  private final String runOn = System.getProperty(PostgresForEveryContext.PROPERTY);

  @AfterEach
  void restoreTheRunsDatabase() {
    if (runOn == null) {
      System.clearProperty(PostgresForEveryContext.PROPERTY);
    } else {
      System.setProperty(PostgresForEveryContext.PROPERTY, runOn);
    }
  }

  @Test
  void appliesToEveryTestClassWithoutItsOptingIn() {
    var factories =
        SpringFactoriesLoader.forDefaultResourceLocation().load(ContextCustomizerFactory.class);

    assertThat(factories).hasAtLeastOneElementOfType(PostgresForEveryContext.class);
  }

  @Test
  void givesEachContextAFreshPostgresqlDatabaseKeepingTheTestsLockTimeout() throws Exception {
    System.setProperty(PostgresForEveryContext.PROPERTY, "postgresql");
    var lockingTest = contextNaming("jdbc:h2:mem:locking;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=200");
    var otherTest = contextNaming("jdbc:h2:mem:other;DB_CLOSE_DELAY=-1");
    var customizer = new PostgresForEveryContext().createContextCustomizer(getClass(), List.of());

    customizer.customizeContext(lockingTest, null);
    customizer.customizeContext(otherTest, null);

    String url = lockingTest.getEnvironment().getProperty("spring.datasource.url");
    assertThat(url)
        .startsWith("jdbc:postgresql:")
        .isNotEqualTo(otherTest.getEnvironment().getProperty("spring.datasource.url"));
    try (var connection = DriverManager.getConnection(url);
        var statement = connection.createStatement();
        var lockTimeout = statement.executeQuery("SHOW lock_timeout")) {
      assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("16.");
      assertThat(lockTimeout.next()).isTrue();
      assertThat(lockTimeout.getString(1)).isEqualTo("200ms");
    }
  }

  @Test
  void leavesTheRunOnH2Alone() {
    System.clearProperty(PostgresForEveryContext.PROPERTY);

    var customizer = new PostgresForEveryContext().createContextCustomizer(getClass(), List.of());

    assertThat(customizer).isNull();
  }

  private static GenericApplicationContext contextNaming(String h2Url) {
    var context = new GenericApplicationContext();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", h2Url)));
    return context;
  }
}
