package cn.gov.xining.hotline.endtoend;

import cn.gov.xining.hotline.testsupport.SignIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real identity provider, started once for all the end-to-end tests of a JVM from its runnable
 * jar with the development accounts, as the run command starts it; and tokens from it, fetched the
 * way the README tells a client to and kept while they are good.
 */
final class IdentityProvider {

  private static ServiceProcess process;
  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

  private record Token(String value, Instant fetched) {}

  private IdentityProvider() {}

  /** The issuer every service is started with. */
  static synchronized String issuer() {
    if (process == null) {
      try {
        Path data = Files.createTempDirectory("identity-provider");
        process = ServiceProcess.startIdentityProvider(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      process.awaitHealthy();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      process.close();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    return process.url("");
  }

  /**
   * A bearer token of a development principal: a system ({@code unit-hrss}, {@code
   * gateway-wechat-snapshot}, {@code prometheus}) by client credentials, a member of staff ({@code
   * operator}, {@code dispatcher}, …) by signing in. Its access token lives 15 minutes; one is kept
   * for 10.
   */
  static String bearer(String principal) {
    var token =
        TOKENS.compute(
            principal,
            (name, kept) ->
                kept != null && kept.fetched().plus(Duration.ofMinutes(10)).isAfter(Instant.now())
                    ? kept
                    : new Token(fetch(name), Instant.now()));
    return "Bearer " + token.value();
  }

  private static String fetch(String principal) {
    var signIn = new SignIn(issuer());
    boolean system =
        principal.startsWith("unit-")
            || principal.startsWith("gateway-")
            || principal.equals("prometheus");
    return system ? signIn.system(principal) : signIn.staff(principal);
  }
}
