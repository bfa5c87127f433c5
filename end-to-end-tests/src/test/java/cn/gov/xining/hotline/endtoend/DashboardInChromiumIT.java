package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.RestartableBroker;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The managers' dashboard in a real browser, as a manager meets it: headless Chromium (Debian's
 * {@code chromium}, which {@code bin/hotline test} installs) opens it from reporting-service's
 * process; signed out it shows no figure; the manager signs in on the identity provider's page
 * (authorization code with PKCE) and the charts are drawn with the figures — checked in the DOM and
 * in a screenshot (pixels of the charts' colour).
 */
class DashboardInChromiumIT {

  /** As the run command's broker: SASL/SCRAM and the authorizer on. */
  private static final RestartableBroker BROKER = SecuredKafka.started();

  @AfterAll
  static void stopTheBroker() {
    BROKER.close();
  }

  /** The charts' colour in dashboard.html. */
  private static final int BAR = 0x1565c0;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path work;

  @Test
  void signedOutItShowsNoFigureAndSignedInAsAManagerItDrawsTheCharts() throws Exception {
    var chromium = HeadlessChromium.find();
    assertThat(chromium)
        .as("Chromium on the PATH (Debian's chromium: bin/hotline test installs it)")
        .isPresent();
    try (var reporting =
        ServiceProcess.start("reporting", BROKER.bootstrapServers(), work.resolve("data"))) {
      reporting.awaitHealthy();
      long total = tenDaysOfTickets(SecuredKafka.adminProbe(BROKER));
      await("all ten days' figures")
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> trendTotals(reporting).equals(List.of(total, total)));
      String dashboard = reporting.url("/dashboard.html");

      try (var browser = HeadlessChromium.start(chromium.get(), work.resolve("profile"))) {
        browser.open(dashboard);
        await("the sign-in prompt")
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> browser.evaluate("!document.getElementById('signIn').hidden").asBoolean());
        assertThat(browser.evaluate("document.body.hasAttribute('data-loaded')").asBoolean())
            .as("no figures loaded")
            .isFalse();
        assertThat(browser.evaluate("document.querySelectorAll('rect').length").asInt())
            .as("no bar drawn")
            .isZero();
        assertThat(browser.evaluate("document.getElementById('figures').hidden").asBoolean())
            .isTrue();

        browser.evaluate("document.querySelector('#signIn button').click(); true");
        await("the identity provider's sign-in page")
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(() -> browser.evaluate("!!document.getElementById('username')").asBoolean());
        browser.evaluate(
            "document.getElementById('username').value = 'manager';"
                + "document.getElementById('password').value = 'manager-dev';"
                + "document.querySelector('form').submit(); true");
        await("the dashboard loaded its figures")
            .atMost(Duration.ofSeconds(120))
            .ignoreExceptions()
            .until(
                () ->
                    "true"
                        .equals(
                            browser
                                .evaluate("document.body.getAttribute('data-loaded')")
                                .asString()));

        String dom = browser.dom();
        assertThat(browser.evaluate("location.href").asString())
            .as("the code is gone from the address")
            .isEqualTo(dashboard);
        assertThat(dom).containsPattern(Pattern.compile("id=\"trend\"[^>]*data-points=\"30\""));
        assertThat(Pattern.compile("<rect[^>]*fill=\"#1565c0\"").matcher(dom).results().count())
            .as("bars drawn")
            .isGreaterThanOrEqualTo(10 + 2);
        assertThat(dom).contains("工资纠纷", "城北区");
        Path screenshot = work.resolve("dashboard.png");
        browser.screenshot(screenshot);
        assertThat(pixelsOf(ImageIO.read(screenshot.toFile()), BAR))
            .as("pixels of the charts' bars in the screenshot")
            .isGreaterThan(5_000);
      }
    }
  }

  /** Tickets over the last ten days, each received, transferred and resolved; how many. */
  private static long tenDaysOfTickets(TopicProbe probe) {
    var today = HotlineTime.now(Clock.systemUTC()).toLocalDate();
    long sent = 0;
    for (int daysAgo = 0; daysAgo < 10; daysAgo++) {
      for (int i = 0; i <= daysAgo % 4 + 2; i++) {
        sent++;
        ticket(
            probe,
            today.minusDays(daysAgo),
            daysAgo * 100 + i,
            i % 2 == 0 ? "wage-arrears" : "heating");
      }
    }
    return sent;
  }

  /** Tickets received and completed over the last 30 days, from the trend the page reads. */
  private static List<Long> trendTotals(ServiceProcess reporting) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(reporting.url("/api/reports/trend?days=30")))
                .header("Authorization", IdentityProvider.bearer("manager"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long received = 0;
    long completed = 0;
    for (var day : EventJson.MAPPER.readTree(response.body())) {
      received += day.get("received").asLong();
      completed += day.get("completed").asLong();
    }
    return List.of(received, completed);
  }

  private static long pixelsOf(BufferedImage image, int colour) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == colour) {
          count++;
        }
      }
    }
    return count;
  }

  private static void ticket(TopicProbe probe, LocalDate day, int n, String topic) {
    String number = "%s-07-%04d".formatted(day.toString().substring(2).replace("-", ""), n);
    var at = day.atTime(10, 0).atZone(HotlineTime.ZONE).toOffsetDateTime();
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            number,
            at,
            "hotline-phone",
            AppealType.COMPLAINT,
            "反映问题",
            "城北区柴达木路",
            "630105",
            topic);
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, EventJson.MAPPER.writeValueAsString(ticket));
    var decision =
        new TicketRouted(
            UUID.randomUUID(),
            number,
            at,
            at,
            "hotline-phone",
            RoutingOutcome.TRANSFER,
            topic,
            "630105",
            "wage-arrears".equals(topic) ? "hrss" : "heating",
            List.of("gov-630105"),
            "test",
            "test",
            "test",
            at.plusDays(5),
            Priority.NORMAL);
    probe.sendRaw(Topics.ROUTING_DECISIONS, number, EventJson.MAPPER.writeValueAsString(decision));
    var resolved =
        new CaseEvent(
            UUID.randomUUID(),
            number,
            CaseEventKind.RESOLVED,
            UUID.randomUUID(),
            CaseStatus.RESOLVED,
            at.plusHours(3),
            decision.primaryUnit(),
            "经办人",
            decision.primaryUnit(),
            at.plusDays(5),
            "已办结",
            null,
            null,
            null,
            List.of(),
            0,
            0);
    probe.sendRaw(Topics.TICKET_LIFECYCLE, number, EventJson.MAPPER.writeValueAsString(resolved));
  }
}
