package cn.gov.xining.hotline.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void defaultsToIntakesDatabaseOnPort5432WithTheDevelopmentPassword() {
    // when nothing is given
    var settings = DatabaseSettings.fromArgs(Map.of());

    // then it is what docker-compose and bin/hotline give intake
    assertThat(settings.dataDir()).isEqualTo(Path.of(".run/postgres").toAbsolutePath());
    assertThat(settings.url("intake")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/intake");
    assertThat(settings.user()).isEqualTo("intake");
    assertThat(settings.password()).isEqualTo("intake-dev-password");
    assertThat(settings.lockFile()).isEqualTo(Path.of(".run/postgres.lock").toAbsolutePath());
  }

  @Test
  void takesThePasswordFromTheEnvironmentUnlessTheCommandLineGivesOne() {
    var environment = Map.of(DatabaseSettings.PASSWORD_VARIABLE, "from-the-environment");

    assertThat(DatabaseSettings.fromArgs(environment).password()).isEqualTo("from-the-environment");
    assertThat(DatabaseSettings.fromArgs(environment, "--password=given").password())
        .isEqualTo("given");
    assertThat(DatabaseSettings.fromArgs(environment).toString())
        .doesNotContain("from-the-environment");
  }

  @Test
  void refusesNamesThatWouldNeedQuotingInSql() {
    assertThatThrownBy(() -> DatabaseSettings.fromArgs(Map.of(), "--database=intake; DROP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intake; DROP");
  }
}
