package cn.gov.xining.hotline.identity;

import cn.gov.xining.hotline.contract.HotlineRole;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The accounts of {@link IdentityProperties} as Spring Security and the server want them. */
@Configuration(proxyBeanMethods = false)
class Accounts {

  /** Staff by user name and systems by client id, for {@link HotlineClaimsCustomizer}. */
  record Directory(
      Map<String, IdentityProperties.Staff> staff,
      Map<String, IdentityProperties.SystemClient> systems) {}

  @Bean
  Directory directory(IdentityProperties properties) {
    return new Directory(
        properties.staff().stream()
            .collect(Collectors.toMap(IdentityProperties.Staff::username, Function.identity())),
        properties.systems().stream()
            .collect(
                Collectors.toMap(IdentityProperties.SystemClient::clientId, Function.identity())));
  }

  @Bean
  UserDetailsService staff(IdentityProperties properties) {
    var users =
        properties.staff().stream()
            .map(
                person ->
                    User.withUsername(person.username())
                        .password(person.password())
                        .roles(
                            person.roles().stream().map(HotlineRole::name).toArray(String[]::new))
                        .build())
            .toList();
    return new InMemoryUserDetailsManager(users);
  }

  @Bean
  RegisteredClientRepository clients(IdentityProperties properties) {
    var tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTimeToLive());
    var clients = new java.util.ArrayList<RegisteredClient>();
    for (var system : properties.systems()) {
      clients.add(
          RegisteredClient.withId(UUID.nameUUIDFromBytes(system.clientId().getBytes()).toString())
              .clientId(system.clientId())
              .clientName(system.name() == null ? system.clientId() : system.name())
              .clientSecret(system.secret())
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .tokenSettings(tokens.build())
              .build());
    }
    for (var app : properties.browserApps()) {
      clients.add(
          RegisteredClient.withId(UUID.nameUUIDFromBytes(app.clientId().getBytes()).toString())
              .clientId(app.clientId())
              .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .redirectUris(uris -> uris.addAll(app.redirectUris()))
              .scope(OidcScopes.OPENID)
              .scope(OidcScopes.PROFILE)
              .clientSettings(
                  ClientSettings.builder()
                      .requireProofKey(true)
                      .requireAuthorizationConsent(false)
                      .build())
              .tokenSettings(
                  TokenSettings.builder()
                      .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                      .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                      .build())
              .build());
    }
    return new InMemoryRegisteredClientRepository(clients);
  }
}
