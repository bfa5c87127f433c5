package cn.gov.xining.hotline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.xining.hotline.testsupport.SignIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider as the services and the departments' systems meet it: real tokens over
 * HTTP, with the hotline's claims taken from its directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("dev")
class IdentityProviderTest {

  private static final int PORT = freePort();
  private static final String ISSUER = "http://127.0.0.1:" + PORT;

  @DynamicPropertySource
  static void onAFreePort(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
  }

  private final SignIn signIn = new SignIn(ISSUER);

  @Test
  void aUnitsSystemGetsATokenNamingItsUnitAndNothingMore() {
    JsonNode claims = claims(signIn.system("unit-gov-630121", "unit-gov-630121-dev"));

    assertThat(claims.get("iss").asString()).isEqualTo(ISSUER);
    assertThat(claims.get("sub").asString()).isEqualTo("unit-gov-630121");
    assertThat(claims.get("roles").toString()).isEqualTo("[\"UNIT\"]");
    assertThat(claims.get("unit").asString()).isEqualTo("gov-630121");
    assertThat(claims.has("channel")).isFalse();
  }

  @Test
  void aChannelGatewaysTokenNamesItsChannel() {
    JsonNode claims = claims(signIn.system("gateway-wechat-snapshot"));

    assertThat(claims.get("roles").toString()).isEqualTo("[\"GATEWAY\"]");
    assertThat(claims.get("channel").asString()).isEqualTo("wechat-snapshot");
  }

  @Test
  void aSystemWithTheWrongSecretGetsNoToken() {
    assertThatThrownBy(() -> signIn.system("unit-hrss", "guessed"))
        .hasMessageContaining("no token (401)");
  }

  @Test
  void anOperatorSignsInOnTheLoginPageWithPkceAndHerTokenCarriesOnlyHerRole() {
    JsonNode claims = claims(signIn.staff("operator", "operator-dev"));

    assertThat(claims.get("sub").asString()).isEqualTo("operator");
    assertThat(claims.get("roles").toString()).isEqualTo("[\"OPERATOR\"]");
    assertThat(claims.get("name").asString()).isEqualTo("接线员 李娜");
    assertThat(claims.toString()).doesNotContain("FACTOR_");
  }

  @Test
  void theIdTokenNamesThePersonButCarriesNoRolesSoItCannotPassForAnAccessToken() {
    var response =
        JsonMapper.builder().build().readTree(signIn.staffTokenResponse("manager", "manager-dev"));
    JsonNode idToken = claims(response.get("id_token").asString());

    assertThat(idToken.get("sub").asString()).isEqualTo("manager");
    assertThat(idToken.has("roles")).isFalse();
    assertThat(claims(response.get("access_token").asString()).get("roles").toString())
        .isEqualTo("[\"MANAGER\"]");
  }

  @Test
  void aUnitsStaffMemberCarriesTheUnit() {
    JsonNode claims = claims(signIn.staff("hrss-staff"));

    assertThat(claims.get("roles").toString()).isEqualTo("[\"UNIT\"]");
    assertThat(claims.get("unit").asString()).isEqualTo("hrss");
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThatThrownBy(() -> signIn.staff("manager", "manager"))
        .hasMessageContaining("sign-in refused for manager");
  }

  private static JsonNode claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return JsonMapper.builder()
        .build()
        .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
