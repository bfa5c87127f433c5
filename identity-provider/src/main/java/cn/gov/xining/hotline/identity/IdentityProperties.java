package cn.gov.xining.hotline.identity;

import cn.gov.xining.hotline.contract.HotlineRole;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in. Passwords and secrets are stored as Spring Security encodes them: {@code
 * {bcrypt}…} in production; {@code {noop}…} (clear text) only in the {@code dev} profile, which
 * {@link DevelopmentSecretsGuard} enforces.
 *
 * @param staff people, who sign in through a browser (authorization code with PKCE)
 * @param systems machines: a unit's or a channel's system, Prometheus (client credentials)
 * @param browserApps public clients that sign people in: the dashboard, Swagger UI, the {@code
 *     bin/hotline token} command
 * @param accessTokenTimeToLive how long an access token is good for
 * @param browserOrigins origins (patterns) whose pages may call the token endpoint: where the
 *     dashboard and Swagger UI are served
 */
@ConfigurationProperties("hotline.identity")
public record IdentityProperties(
    @DefaultValue List<Staff> staff,
    @DefaultValue List<SystemClient> systems,
    @DefaultValue List<BrowserApp> browserApps,
    @DefaultValue("15m") Duration accessTokenTimeToLive,
    @DefaultValue({"http://127.0.0.1:[*]", "http://localhost:[*]"}) List<String> browserOrigins) {

  /** A member of staff; {@code unit} only for a unit's staff. */
  public record Staff(
      String username, String password, String name, Set<HotlineRole> roles, String unit) {}

  /**
   * A system with its own credentials; {@code unit} for a unit's system, {@code channel} for a
   * channel gateway.
   */
  public record SystemClient(
      String clientId,
      String secret,
      String name,
      Set<HotlineRole> roles,
      String unit,
      String channel) {}

  /** A public client: no secret, PKCE required, only the listed redirect URIs. */
  public record BrowserApp(String clientId, List<String> redirectUris) {}
}
