package cn.gov.xining.hotline.reporting.dashboard;

import cn.gov.xining.hotline.reporting.reports.ReportingProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the dashboard's page needs before anything else, read before sign-in: nothing secret. Where
 * the manager signs in, where the case files and the dispatchers' corrections are, when the working
 * day starts and from how many cases a unit's rate is given.
 */
@RestController
class DashboardSignIn {

  /**
   * @param issuer the identity provider, whose {@code /oauth2/authorize} and {@code /oauth2/token}
   *     the page uses
   * @param clientId the dashboard's public client
   * @param casesUrl handling-service, without a trailing slash
   * @param routingUrl routing-service, without a trailing slash
   * @param workingDayStarts {@code HH:mm}, Asia/Shanghai
   * @param minimumCases a unit's rate is given only from this many cases on
   */
  record SignInSettings(
      String issuer,
      String clientId,
      String casesUrl,
      String routingUrl,
      String workingDayStarts,
      int minimumCases) {}

  private final SignInSettings settings;

  DashboardSignIn(
      @Value("${hotline.issuer}") String issuer,
      DashboardProperties dashboard,
      ReportingProperties reporting) {
    this.settings =
        new SignInSettings(
            issuer,
            dashboard.clientId(),
            dashboard.casesUrl().toString().replaceAll("/+$", ""),
            dashboard.routingUrl().toString().replaceAll("/+$", ""),
            dashboard.workingDayStarts().toString(),
            reporting.minimumCases());
  }

  @GetMapping("/dashboard/sign-in.json")
  SignInSettings settings() {
    return settings;
  }
}
