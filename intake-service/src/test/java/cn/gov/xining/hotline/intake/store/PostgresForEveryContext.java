package cn.gov.xining.hotline.intake.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs every Spring context of intake's tests on PostgreSQL, production's database, when the system
 * property {@value #PROPERTY} is {@code postgresql}, as the build's second test run sets it
 * (intake-service/pom.xml): whatever H2 database a test class names, its context gets a fresh
 * database of its own on {@link EmbeddedPostgresServer}, so test classes stay as isolated as on H2.
 * Registered in META-INF/spring.factories, so no test class has to opt in, and none can forget to.
 */
class PostgresForEveryContext implements ContextCustomizerFactory {

  static final String PROPERTY = "hotline.test.database";

  private static final Pattern H2_LOCK_TIMEOUT = Pattern.compile(";LOCK_TIMEOUT=(\\d+)");

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return "postgresql".equals(System.getProperty(PROPERTY)) ? new FreshDatabase() : null;
  }

  /** All equal: contexts are cached and shared exactly as in the run on H2. */
  private record FreshDatabase() implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      var environment = context.getEnvironment();
      String url = EmbeddedPostgresServer.newDatabase();
      // A test that holds a row lock on purpose bounds the wait with H2's LOCK_TIMEOUT (ms);
      // PostgreSQL would wait for ever without its own.
      var lockTimeout =
          H2_LOCK_TIMEOUT.matcher(environment.getProperty("spring.datasource.url", ""));
      if (lockTimeout.find()) {
        url +=
            "&options="
                + URLEncoder.encode(
                    "-c lock_timeout=" + lockTimeout.group(1), StandardCharsets.UTF_8);
      }
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource("postgresql", Map.of("spring.datasource.url", url)));
    }
  }
}
