package cn.gov.xining.hotline.identity;

import cn.gov.xining.hotline.contract.HotlineClaims;
import cn.gov.xining.hotline.contract.HotlineRole;
import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the hotline's claims into access tokens. They come from the directory, never from the
 * request: for client credentials the principal is the system itself, otherwise the signed-in
 * member of staff (Spring's own authorities, such as {@code FACTOR_PASSWORD}, stay out).
 */
@Component
class HotlineClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final Accounts.Directory directory;

  HotlineClaimsCustomizer(Accounts.Directory directory) {
    this.directory = directory;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    // Roles only in access tokens: an ID token tells a browser application who signed in; with
    // roles in it, it would pass for an access token (and live longer than one).
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      var system = directory.systems().get(context.getRegisteredClient().getClientId());
      if (system != null) {
        put(context, system.roles(), system.unit(), system.channel(), system.name());
      }
      return;
    }
    var person = directory.staff().get(context.getPrincipal().getName());
    if (person != null) {
      put(context, person.roles(), person.unit(), null, person.name());
    }
  }

  private static void put(
      JwtEncodingContext context,
      Set<HotlineRole> roles,
      String unit,
      String channel,
      String name) {
    context
        .getClaims()
        .claims(
            claims -> {
              claims.put(
                  HotlineClaims.ROLES, roles.stream().map(HotlineRole::name).sorted().toList());
              if (unit != null) {
                claims.put(HotlineClaims.UNIT, unit);
              }
              if (channel != null) {
                claims.put(HotlineClaims.CHANNEL, channel);
              }
              if (name != null) {
                claims.put(HotlineClaims.NAME, name);
              }
            });
  }
}
