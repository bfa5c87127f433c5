package cn.gov.xining.hotline.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The managers' dashboard in a real browser: headless Chromium (Debian's {@code chromium}) loads it
 * from reporting-service, fed through a real broker, and the charts must be drawn with the figures
 * — checked in the DOM and in a screenshot (pixels of the charts' colour). Skipped where no
 * Chromium is installed, as the Testcontainers tests are where there is no Docker.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.streams.state-dir=${java.io.tmpdir}/dashboard-test-${random.uuid}"
    })
@EmbeddedKafka(partitions = 1)
class DashboardInChromiumTest {

  /** The charts' colour in dashboard.html. */
  private static final int BAR = 0x1565c0;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @TempDir Path work;

  @Test
  void theDashboardDrawsItsChartsWithTheFigures() throws Exception {
    var chromium = chromium();
    assumeTrue(chromium.isPresent(), "no Chromium on this machine: the dashboard test is skipped");
    var today = HotlineTime.now(java.time.Clock.systemUTC()).toLocalDate();
    var probe = new TopicProbe(bootstrapServers);
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
    long total = sent;
    // Every ticket of the ten days received and resolved, not only today's: the page must not be
    // asked before the older days (sent after today's) and the resolutions are in the figures.
    await("all ten days' figures")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> trendTotals().equals(List.of(total, total)));

    // The page fetches its figures after loading; a first headless run can end before they
    // arrive (the server's first requests are its slowest), so the browser is asked again.
    var loaded = new java.util.concurrent.atomic.AtomicReference<String>();
    await("the dashboard loaded its figures")
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> {
              loaded.set(run(chromium.get(), "--dump-dom", url()));
              return loaded.get().contains("data-loaded=\"true\"");
            });
    String dom = loaded.get();
    assertThat(dom).containsPattern(Pattern.compile("id=\"trend\"[^>]*data-points=\"30\""));
    assertThat(Pattern.compile("<rect[^>]*fill=\"#1565c0\"").matcher(dom).results().count())
        .as("bars drawn")
        .isGreaterThanOrEqualTo(10 + 2);
    assertThat(dom).contains("工资纠纷", "城北区");

    File screenshot = work.resolve("dashboard.png").toFile();
    var barPixels = new java.util.concurrent.atomic.AtomicLong();
    await("the charts in a screenshot")
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> {
              run(chromium.get(), "--screenshot=" + screenshot, url());
              barPixels.set(pixelsOf(ImageIO.read(screenshot), BAR));
              return barPixels.get() > 5_000;
            });
    assertThat(barPixels.get())
        .as("pixels of the charts' bars in the screenshot")
        .isGreaterThan(5_000);
  }

  /**
   * Tickets received and tickets completed over the last 30 days, from the trend the page reads.
   */
  private List<Long> trendTotals() throws Exception {
    var days = EventJson.MAPPER.readTree(get("/api/reports/trend?days=30"));
    long received = 0;
    long completed = 0;
    for (var day : days) {
      received += day.get("received").asLong();
      completed += day.get("completed").asLong();
    }
    return List.of(received, completed);
  }

  private static long pixelsOf(java.awt.image.BufferedImage image, int colour) {
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

  private void ticket(TopicProbe probe, LocalDate day, int n, String topic) {
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

  private String url() {
    return "http://127.0.0.1:" + port + "/dashboard.html";
  }

  private String get(String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String run(Path chromium, String... args) throws Exception {
    var command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1280,1400",
                "--virtual-time-budget=20000",
                "--user-data-dir=" + work.resolve("profile")));
    command.addAll(List.of(args));
    Path output = work.resolve("chromium.out");
    var process =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(work.resolve("chromium.err").toFile())
            .start();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  private static Optional<Path> chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        var candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
