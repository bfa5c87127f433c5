package cn.gov.xining.hotline.identity;

import java.util.ArrayList;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with clear-text ({@code {noop}}) passwords or secrets outside the {@code dev}
 * profile: those are the development accounts this repository ships, known to everyone who reads
 * it.
 */
@Component
class DevelopmentSecretsGuard implements InitializingBean {

  private final IdentityProperties properties;
  private final Environment environment;

  DevelopmentSecretsGuard(IdentityProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    if (environment.acceptsProfiles(Profiles.of("dev"))) {
      return;
    }
    var clearText = new ArrayList<String>();
    properties.staff().stream()
        .filter(person -> isClearText(person.password()))
        .forEach(person -> clearText.add(person.username()));
    properties.systems().stream()
        .filter(system -> isClearText(system.secret()))
        .forEach(system -> clearText.add(system.clientId()));
    if (!clearText.isEmpty()) {
      throw new IllegalStateException(
          "Development credentials outside the dev profile: "
              + clearText
              + " have {noop} (clear-text) passwords. Store {bcrypt} hashes from your secret"
              + " store, or start with --spring.profiles.active=dev on a developer's machine.");
    }
  }

  private static boolean isClearText(String encoded) {
    return encoded == null || encoded.startsWith("{noop}");
  }
}
