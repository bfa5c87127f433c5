package cn.gov.xining.hotline.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * An issuer for a single service's tests: it publishes its key at {@code <issuer>/oauth2/jwks}
 * exactly where the services look for the identity provider's, and signs tokens with the hotline's
 * claims, so the service under test checks them with its production decoder (signature, issuer,
 * expiry) and converter. The end-to-end tests use the real identity provider instead.
 */
public final class TestIssuer {

  private static TestIssuer shared;

  private final String issuer;
  private final NimbusJwtEncoder encoder;

  private TestIssuer() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var keys = generator.generateKeyPair();
      var key =
          new RSAKey.Builder((RSAPublicKey) keys.getPublic())
              .privateKey((RSAPrivateKey) keys.getPrivate())
              .keyID(UUID.randomUUID().toString())
              .build();
      byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/oauth2/jwks",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
          });
      server.setExecutor(null);
      server.start();
      this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
      this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One per test JVM, started on first use; it lives as long as the JVM. */
  public static synchronized TestIssuer shared() {
    if (shared == null) {
      shared = new TestIssuer();
    }
    return shared;
  }

  /** The {@code iss} of its tokens, and the base of its JWK set URL. */
  public String issuer() {
    return issuer;
  }

  /**
   * A token for a principal.
   *
   * @param subject the user name or client id
   * @param roles role names, e.g. {@code OPERATOR}
   * @param unit the unit code of a unit's principal; null otherwise
   * @param channel the channel of a gateway; null otherwise
   */
  public String token(String subject, List<String> roles, String unit, String channel) {
    var now = Instant.now();
    var claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject(subject)
            .issuedAt(now)
            .expiresAt(now.plus(Duration.ofHours(2)))
            .claim("roles", roles);
    if (unit != null) {
      claims.claim("unit", unit);
    }
    if (channel != null) {
      claims.claim("channel", channel);
    }
    return encoder
        .encode(JwtEncoderParameters.from(JwsHeader.with(() -> "RS256").build(), claims.build()))
        .getTokenValue();
  }

  /** A member of staff with one role, named after it in lower case, e.g. {@code dispatcher}. */
  public String staff(String role) {
    return token(role.toLowerCase().replace('_', '-'), List.of(role), null, null);
  }

  /** A unit's system, {@code unit-<code>}. */
  public String unit(String unitCode) {
    return token("unit-" + unitCode, List.of("UNIT"), unitCode, null);
  }

  /** A channel's gateway, {@code gateway-<channel>}. */
  public String gateway(String channel) {
    return token("gateway-" + channel, List.of("GATEWAY"), null, channel);
  }
}
