package cn.gov.xining.hotline.reporting.dashboard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the dashboard's page sends the manager to sign in; nothing secret. */
@RestController
class DashboardSignIn {

  /**
   * @param issuer the identity provider, whose {@code /oauth2/authorize} and {@code /oauth2/token}
   *     the page uses
   * @param clientId the dashboard's public client
   */
  record SignInSettings(String issuer, String clientId) {}

  private final SignInSettings settings;

  DashboardSignIn(
      @Value("${hotline.issuer}") String issuer,
      @Value("${hotline.dashboard.client-id:dashboard}") String clientId) {
    this.settings = new SignInSettings(issuer, clientId);
  }

  @GetMapping("/dashboard/sign-in.json")
  SignInSettings settings() {
    return settings;
  }
}
