package cn.gov.xining.hotline.security;

import cn.gov.xining.hotline.contract.HotlineClaims;
import cn.gov.xining.hotline.contract.HotlineRole;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated principal of a request, as its token says: declare a parameter of this type on
 * a controller method to get it.
 *
 * @param name the token's subject: a user name ({@code operator}) or a system's client id ({@code
 *     unit-hrss})
 * @param roles what it may do
 * @param unit the catalog unit code of a unit's staff or system; null otherwise
 * @param channel the catalog channel code of a channel gateway; null otherwise
 */
public record Caller(String name, Set<HotlineRole> roles, String unit, String channel) {

  public Caller {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(HotlineRole role) {
    return roles.contains(role);
  }

  /** Throws a 403 unless this caller is the one a request body names, or the body names nobody. */
  public void mustBe(String namedInBody, String field) {
    if (namedInBody != null && !namedInBody.isBlank() && !namedInBody.equals(name)) {
      throw new AccessDeniedException(
          "%s 须为登录身份 %s，不能代替 %s (%s must be the signed-in principal %s, not %s)"
              .formatted(field, name, namedInBody, field, name, namedInBody));
    }
  }

  /** The caller of a request authenticated by a bearer token. */
  static Caller of(Authentication authentication) {
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      throw new AccessDeniedException("需要令牌 (a bearer token is required)");
    }
    Jwt jwt = token.getToken();
    return new Caller(
        jwt.getSubject(),
        roles(jwt.getClaim(HotlineClaims.ROLES)),
        jwt.getClaimAsString(HotlineClaims.UNIT),
        jwt.getClaimAsString(HotlineClaims.CHANNEL));
  }

  /** The roles a token names; names this system does not know are ignored, not guessed at. */
  static Set<HotlineRole> roles(Object claim) {
    var roles = EnumSet.noneOf(HotlineRole.class);
    if (claim instanceof Collection<?> names) {
      for (Object name : names) {
        for (HotlineRole role : HotlineRole.values()) {
          if (role.name().equals(String.valueOf(name))) {
            roles.add(role);
          }
        }
      }
    }
    return roles;
  }
}
