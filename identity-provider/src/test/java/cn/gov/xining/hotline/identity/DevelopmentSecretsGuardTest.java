package cn.gov.xining.hotline.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.xining.hotline.contract.HotlineRole;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentSecretsGuardTest {

  private static IdentityProperties withOperatorPassword(String password) {
    return new IdentityProperties(
        List.of(
            new IdentityProperties.Staff(
                "operator", password, "接线员", Set.of(HotlineRole.OPERATOR), null)),
        List.of(),
        List.of(),
        Duration.ofMinutes(15),
        List.of());
  }

  @Test
  void refusesClearTextPasswordsOutsideTheDevProfile() {
    var guard =
        new DevelopmentSecretsGuard(
            withOperatorPassword("{noop}operator-dev"), new MockEnvironment());

    assertThatThrownBy(guard::afterPropertiesSet)
        .hasMessageContaining("[operator]")
        .hasMessageContaining("outside the dev profile");
  }

  @Test
  void acceptsThemInTheDevProfileAndHashesAnywhere() {
    var dev = new MockEnvironment();
    dev.setActiveProfiles("dev");

    assertThatCode(
            () ->
                new DevelopmentSecretsGuard(withOperatorPassword("{noop}operator-dev"), dev)
                    .afterPropertiesSet())
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new DevelopmentSecretsGuard(
                        withOperatorPassword(
                            "{bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG"),
                        new MockEnvironment())
                    .afterPropertiesSet())
        .doesNotThrowAnyException();
  }
}
