package cn.gov.xining.hotline.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets access tokens from the hotline's identity provider exactly as the README tells a client to:
 * a system with its client id and secret (client credentials), a member of staff by signing in on
 * the provider's login page (authorization code with PKCE, through the public {@code hotline-cli}
 * client, reading the code from the redirect instead of following it).
 */
public final class SignIn {

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
  private static final String CLI_REDIRECT = "http://127.0.0.1/callback";

  private final String issuer;

  /**
   * @param issuer the provider's issuer URL, e.g. {@code http://127.0.0.1:9000}
   */
  public SignIn(String issuer) {
    this.issuer = issuer;
  }

  /** A system's token: {@code POST /oauth2/token} with {@code grant_type=client_credentials}. */
  public String system(String clientId, String secret) {
    var basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    var response =
        send(
            client(),
            HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials")))
                .build());
    return accessToken(response);
  }

  /** A development system's token: its secret is {@code <client id>-dev}. */
  public String system(String clientId) {
    return system(clientId, clientId + "-dev");
  }

  /** A member of staff's access token, signed in with user name and password. */
  public String staff(String username, String password) {
    return accessToken(staffSignIn(username, password));
  }

  /** The whole token response of a member of staff's sign-in (access and ID token). */
  public String staffTokenResponse(String username, String password) {
    return staffSignIn(username, password).body();
  }

  private HttpResponse<String> staffSignIn(String username, String password) {
    return signIn("hotline-cli", CLI_REDIRECT, null, username, password);
  }

  /**
   * What a browser app does for a member of staff (the dashboard, Swagger UI): authorization code
   * with PKCE through its public client and redirect URI, the token fetched by the page's script,
   * so with the page's {@code Origin}. The whole token response, CORS headers included.
   */
  public HttpResponse<String> browserSignIn(
      String clientId, String redirectUri, String username, String password) {
    var page = URI.create(redirectUri);
    return signIn(
        clientId,
        redirectUri,
        page.getScheme() + "://" + page.getRawAuthority(),
        username,
        password);
  }

  private HttpResponse<String> signIn(
      String clientId, String redirectUri, String origin, String username, String password) {
    HttpClient browser = client();
    String verifier = randomUrlSafe(48);
    String authorize =
        issuer
            + "/oauth2/authorize?"
            + query(
                Map.of(
                    "response_type",
                    "code",
                    "client_id",
                    clientId,
                    "redirect_uri",
                    redirectUri,
                    "scope",
                    "openid",
                    "state",
                    randomUrlSafe(12),
                    "code_challenge",
                    challenge(verifier),
                    "code_challenge_method",
                    "S256"));
    send(browser, HttpRequest.newBuilder(URI.create(authorize)).build()); // remembers the request
    var loginPage = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login")).build());
    var csrf = CSRF.matcher(loginPage.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no login form at " + issuer + "/login");
    }
    var login =
        send(
            browser,
            HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    form(
                        Map.of("username", username, "password", password, "_csrf", csrf.group(1))))
                .build());
    String next = login.headers().firstValue("Location").orElse("");
    if (next.contains("error")) {
      throw new IllegalStateException("sign-in refused for " + username);
    }
    var redirect =
        send(browser, HttpRequest.newBuilder(URI.create(absolute(next))).build())
            .headers()
            .firstValue("Location")
            .orElse("");
    var code = CODE.matcher(redirect);
    if (!redirect.startsWith(redirectUri) || !code.find()) {
      throw new IllegalStateException("no authorization code for " + username + ": " + redirect);
    }
    var token =
        send(
            browser,
            tokenRequest(origin)
                .POST(
                    form(
                        Map.of(
                            "grant_type",
                            "authorization_code",
                            "client_id",
                            clientId,
                            "redirect_uri",
                            redirectUri,
                            "code",
                            urlDecoded(code.group(1)),
                            "code_verifier",
                            verifier)))
                .build());
    accessToken(token); // fails unless there is one
    return token;
  }

  /** A development member of staff's token: the password is {@code <user name>-dev}. */
  public String staff(String username) {
    return staff(username, username + "-dev");
  }

  private HttpRequest.Builder tokenRequest(String origin) {
    var request =
        HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded");
    return origin == null ? request : request.header("Origin", origin);
  }

  private String absolute(String location) {
    return location.startsWith("http") ? location : issuer + location;
  }

  private static String accessToken(HttpResponse<String> response) {
    var token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "no token (" + response.statusCode() + "): " + response.body());
    }
    return token.group(1);
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("identity provider unreachable: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    return HttpRequest.BodyPublishers.ofString(query(fields));
  }

  private static String query(Map<String, String> fields) {
    return new LinkedHashMap<>(fields)
        .entrySet().stream()
            .map(
                field ->
                    URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static String urlDecoded(String value) {
    return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static String randomUrlSafe(int bytes) {
    var random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String challenge(String verifier) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
