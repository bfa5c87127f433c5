package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.AppealType;
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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The managers' dashboard in a real browser, as a manager meets it: headless Chromium (Debian's
 * {@code chromium}, which {@code bin/hotline test} installs) opens it from reporting-service's
 * process, with handling-service's process beside it. Signed out it shows no figure; the manager
 * signs in on the identity provider's page (authorization code with PKCE); the figures of the day a
 * link names are the API's and add up, the week, month and year are one click away, the overdue
 * figure opens the tickets behind it and a ticket its case history from handling, and the Excel
 * export downloads with the same figures. The trends are drawn with axes — checked in the DOM and
 * in a screenshot (pixels of the charts' colour).
 *
 * <p>The page reaches handling as {@code http://handling.test}, which Chromium maps to handling's
 * port: reporting must be told that address before it starts, handling the page's origin (its CORS)
 * before it starts, and each process gets its port only when launched. The dispatchers' corrections
 * per week it reads from a stand-in for routing ({@link RoutingCorrectionsStandIn}), started first
 * so that reporting is told its address.
 */
class DashboardInChromiumIT {

  /** As the run command's broker: SASL/SCRAM and the authorizer on. */
  private static final RestartableBroker BROKER = SecuredKafka.started();

  /** The charts' colour in dashboard.html. */
  private static final int BAR = 0x1565c0;

  private static final String CASES = "http://handling.test";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final LocalDate TODAY = HotlineTime.now(Clock.systemUTC()).toLocalDate();

  /** The day the links name: its tickets' fates are known (one overdue, one resolved, …). */
  private static final LocalDate PAST_DAY = TODAY.minusDays(20);

  /** Where the screenshots are kept for a person to look at. */
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("hotline.logs", "target/service-logs"))
          .resolveSibling("dashboard-screenshots");

  @TempDir static Path data;

  private static Path chromium;
  private static ServiceProcess reporting;
  private static ServiceProcess handling;
  private static RoutingCorrectionsStandIn routing;
  private static PastDay pastDay;

  @TempDir Path work;

  /** The past day's tickets the tests look for. */
  private record PastDay(String overdue, String withinLimit, OffsetDateTime overdueDueAt) {}

  /** A topic transferred to its lead unit, whose principal reports on it. */
  private record Transfer(
      String topic, String unit, String principal, String district, String words) {}

  private static final Transfer WAGES =
      new Transfer("wage-arrears", "hrss", "hrss-staff", "630105", "拖欠工资");
  private static final Transfer HEATING =
      new Transfer("heating", "heating", "unit-heating", "630102", "暖气不热");
  private static final Transfer TRAFFIC =
      new Transfer("traffic-order", "traffic-police", "unit-traffic-police", "630104", "违章停车");

  @BeforeAll
  static void reportingAndHandlingWithTicketsOfTheLastTenDaysAndOfAPastDay() throws Exception {
    chromium =
        HeadlessChromium.find()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "Chromium on the PATH (Debian's chromium: bin/hotline test installs it)"));
    routing = RoutingCorrectionsStandIn.start();
    reporting =
        ServiceProcess.start(
            "reporting",
            BROKER.bootstrapServers(),
            data.resolve("reporting"),
            "--hotline.dashboard.cases-url=" + CASES,
            "--hotline.dashboard.routing-url=" + routing.url());
    routing.allowOrigin(reporting.url(""));
    handling =
        ServiceProcess.start(
            "handling",
            BROKER.bootstrapServers(),
            data.resolve("handling"),
            "--hotline.security.cors-origins=" + reporting.url(""),
            "--hotline.handling.deadline-check-interval=1s");
    reporting.awaitHealthy();
    handling.awaitHealthy();

    var probe = SecuredKafka.adminProbe(BROKER);
    var recent = tenDaysOfTickets(probe);
    pastDay = ticketsOfThePastDay(probe);
    await("the figures of the last 30 days: received and completed")
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .until(() -> trendTotals().equals(List.of(recent.get(0) + 8, recent.get(1) + 3)));
    await("handling's deadline watch finds the past day's ticket overdue")
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .until(() -> api(dayRange("/api/reports/periods", PAST_DAY)).get("overdue").asLong() == 1);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopTheServicesAndTheBroker() throws InterruptedException {
    if (handling != null) {
      handling.close();
    }
    if (reporting != null) {
      reporting.close();
    }
    if (routing != null) {
      routing.close();
    }
    BROKER.close();
  }

  @Test
  void signedOutItShowsNoFigureAndSignedInAsAManagerItDrawsTheTrendsWithTheirAxes()
      throws Exception {
    String dashboard = reporting.url("/dashboard.html");
    String viewBefore = "day:" + defaultDay();
    try (var browser = browser()) {
      browser.open(dashboard);
      await("the sign-in prompt")
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> browser.evaluate("!document.getElementById('signIn').hidden").asBoolean());
      assertThat(browser.evaluate("document.body.hasAttribute('data-loaded')").asBoolean())
          .as("no figures loaded")
          .isFalse();
      assertThat(browser.evaluate("document.querySelectorAll('rect, .chart svg').length").asInt())
          .as("no chart drawn")
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
      awaitLoaded(browser);

      assertThat(browser.evaluate("location.href").asString())
          .as("the code is gone from the address")
          .isEqualTo(dashboard);
      assertThat(browser.evaluate("document.body.getAttribute('data-view')").asString())
          .as("before 09:00 in Xining yesterday, after it today")
          .isIn(viewBefore, "day:" + defaultDay());
      for (String chart : List.of("trendReceived", "trendCompletion", "trendSatisfaction")) {
        assertThat(attribute(browser, "#" + chart, "data-points")).as(chart).isEqualTo("30");
      }
      assertThat(count(browser, "#trendReceived svg path[fill='#1565c0']"))
          .as("a bar for each of the ten days and the past day")
          .isGreaterThanOrEqualTo(10 + 1);
      assertThat(texts(browser, "#trendReceived svg text"))
          .as("the received chart's axes: names, dates and counts")
          .contains("受理量（件）", "日期", "0")
          .anyMatch(label -> label.matches("\\d\\d-\\d\\d"));
      assertThat(texts(browser, "#trendCompletion svg text")).contains("办结率（%）", "100");
      assertThat(texts(browser, "#trendSatisfaction svg text")).contains("满意率（%）", "100");
      String dom = browser.dom();
      assertThat(dom).contains("工资纠纷", "城北区");
      Path screenshot = SCREENSHOTS.resolve("dashboard.png");
      browser.screenshot(screenshot);
      assertThat(pixelsOf(ImageIO.read(screenshot.toFile()), BAR))
          .as("pixels of the charts' bars in the screenshot")
          .isGreaterThan(5_000);
      browser.screenshotOfTheWholePage(SCREENSHOTS.resolve("dashboard-today-whole-page.png"));

      click(browser, "[data-kind=year]");
      await("the year")
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () ->
                  browser.evaluate("document.body.dataset.view").asString().startsWith("year:")
                      && "true"
                          .equals(browser.evaluate("document.body.dataset.loaded").asString()));
      assertThat(attribute(browser, "#trendReceived", "data-points"))
          .as("a year drawn month by month")
          .isEqualTo("12");
      assertThat(
              texts(browser, "#districts td.number, #bestUnits td.number, #worstUnits td.number")
                  .stream()
                  .filter(cell -> cell.contains("（"))
                  .toList())
          .as("every rate of a district or unit with the counts it is drawn from")
          .isNotEmpty()
          .allMatch(cell -> cell.matches("(—|\\d+(\\.\\d+)?%)（\\d+/\\d+）"));
      browser.screenshotOfTheWholePage(SCREENSHOTS.resolve("dashboard-year.png"));
    }
  }

  @Test
  void aLinkToAPastDayOpensThatDayAfterSignInWithTheApisFiguresAddingUp() throws Exception {
    var day = api("/api/reports/days/" + PAST_DAY);
    var period = api(dayRange("/api/reports/periods", PAST_DAY));
    try (var browser = browser()) {
      signIn(browser, reporting.url("/dashboard.html#day=" + PAST_DAY), "day:" + PAST_DAY);

      assertThat(browser.evaluate("location.hash").asString()).isEqualTo("#day=" + PAST_DAY);
      for (String figure :
          List.of(
              "received",
              "calls",
              "online",
              "letters",
              "answeredDirectly",
              "transferred",
              "inTriage",
              "callbacksMade")) {
        assertThat(tile(browser, figure)).as(figure).isEqualTo(day.get(figure).asString());
      }
      assertThat(tile(browser, "received")).as("the eight tickets of the day").isEqualTo("8");
      long received = Long.parseLong(tile(browser, "received"));
      assertThat(sumOf(browser, "calls", "online", "letters"))
          .as("受理总量 = 来电 + 网上留言 + 来信")
          .isEqualTo(received);
      assertThat(tile(browser, "unrouted")).as("the letter not yet routed").isEqualTo("1");
      assertThat(sumOf(browser, "answeredDirectly", "transferred", "inTriage", "unrouted"))
          .as("直接办理 + 转交 + 人工分派中 + 尚未分派 = 受理总量")
          .isEqualTo(received);
      for (String figure : List.of("overdue", "openWithinLimit", "completionRate")) {
        assertThat(tile(browser, figure)).as(figure).isEqualTo(period.get(figure).asString());
      }
      assertThat(tile(browser, "overdue")).isEqualTo("1");
      assertThat(text(browser, "[data-bulletin=day]"))
          .as("the daily bulletin, ready to copy")
          .isEqualTo(text("/api/reports/days/" + PAST_DAY + "/bulletin"));
      browser.screenshotOfTheWholePage(SCREENSHOTS.resolve("dashboard-past-day.png"));

      // Printed (打印本页): the figures without the controls.
      browser.emulateMedia("print");
      assertThat(
              browser
                  .evaluate(
                      "['nav.toolbar', '[data-export=xlsx]', '#signOut', '.bulletin-head button']"
                          + ".every(s => getComputedStyle(document.querySelector(s)).display"
                          + " === 'none' || !document.querySelector(s).offsetParent)")
                  .asBoolean())
          .as("pickers and buttons left out of the print")
          .isTrue();
      assertThat(browser.evaluate("!!document.querySelector('#overview').offsetParent").asBoolean())
          .as("the figures printed")
          .isTrue();
      browser.screenshotOfTheWholePage(SCREENSHOTS.resolve("dashboard-past-day-printed.png"));
    }
  }

  @Test
  void choosingTheWeekMonthOrYearOfThatDayShowsItsFiguresAndTheAddressKeepsTheChoice()
      throws Exception {
    var monday = PAST_DAY.with(DayOfWeek.MONDAY);
    var week = api("/api/reports/weeks/" + PAST_DAY);
    try (var browser = browser()) {
      signIn(browser, reporting.url("/dashboard.html#day=" + PAST_DAY), "day:" + PAST_DAY);

      click(browser, "[data-kind=week]");
      awaitView(browser, "week:" + monday);
      assertThat(browser.evaluate("location.hash").asString()).isEqualTo("#week=" + monday);
      click(browser, "#previous");
      awaitView(browser, "week:" + monday.minusWeeks(1));
      assertThat(tile(browser, "received"))
          .as("the week before")
          .isEqualTo(api("/api/reports/weeks/" + monday.minusWeeks(1)).get("received").asString());
      browser.evaluate("history.back(); true");
      awaitView(browser, "week:" + monday);
      assertThat(tile(browser, "received")).isEqualTo(week.get("received").asString());
      assertThat(tile(browser, "overdue")).isEqualTo(week.get("overdue").asString());
      long before = week.get("periodBefore").get("received").asLong();
      long now = week.get("received").asLong();
      assertThat(text(browser, "[data-figure=received] .change"))
          .as("the change on the week before")
          .isEqualTo("较上周 " + signed(now - before));
      assertThat(text(browser, "[data-figure=completionRate] .change")).startsWith("较上周");
      assertThat(text(browser, "[data-bulletin=week]"))
          .as("the weekly bulletin, ready to copy")
          .isEqualTo(text("/api/reports/weeks/" + PAST_DAY + "/bulletin"));
      browser.screenshotOfTheWholePage(SCREENSHOTS.resolve("dashboard-week.png"));

      String month = PAST_DAY.toString().substring(0, 7);
      click(browser, "[data-kind=month]");
      awaitView(browser, "month:" + month);
      assertThat(browser.evaluate("location.hash").asString()).isEqualTo("#month=" + month);
      assertThat(tile(browser, "received"))
          .isEqualTo(api("/api/reports/months/" + month).get("received").asString());
      assertThat(attribute(browser, "#trendReceived", "data-points"))
          .as("every day of the month")
          .isEqualTo(String.valueOf(PAST_DAY.lengthOfMonth()));
      browser.screenshotOfTheWholePage(SCREENSHOTS.resolve("dashboard-month.png"));

      String year = String.valueOf(PAST_DAY.getYear());
      click(browser, "[data-kind=year]");
      awaitView(browser, "year:" + year);
      assertThat(tile(browser, "received"))
          .isEqualTo(api("/api/reports/years/" + year).get("received").asString());
    }
  }

  @Test
  void theOverdueFigureOpensTheTicketsPerLeadUnitAndATicketItsCaseHistoryFromHandling()
      throws Exception {
    try (var browser = browser()) {
      signIn(browser, reporting.url("/dashboard.html#day=" + PAST_DAY), "day:" + PAST_DAY);

      click(browser, "[data-figure=overdue]");
      await("the overdue tickets by lead unit")
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> "overdue".equals(attribute(browser, "#openTickets[data-loaded]", "data-kind")));
      assertThat(
              count(
                  browser,
                  "#openTickets [data-unit=hrss] [data-ticket='" + pastDay.overdue() + "']"))
          .isEqualTo(1);
      assertThat(count(browser, "#openTickets [data-ticket='" + pastDay.withinLimit() + "']"))
          .as("a ticket still within its time limit is not overdue")
          .isZero();

      click(browser, "[data-ticket='" + pastDay.overdue() + "']");
      await("the case file from handling")
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(() -> "loaded".equals(attribute(browser, "#caseDialog", "data-state")));
      assertThat(browser.evaluate("document.getElementById('caseDialog').open").asBoolean())
          .isTrue();
      assertThat(text(browser, "#caseDialog [data-field=ticketNumber]"))
          .isEqualTo(pastDay.overdue());
      assertThat(text(browser, "#caseDialog [data-field=primaryUnit]"))
          .isEqualTo("市人力资源和社会保障局（劳动保障监察）");
      assertThat(text(browser, "#caseDialog [data-field=dueAt]"))
          .isEqualTo(
              pastDay
                  .overdueDueAt()
                  .atZoneSameInstant(HotlineTime.ZONE)
                  .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
      assertThat(
              browser
                  .evaluate(
                      "[...document.querySelectorAll('#caseDialog tr[data-kind]')]"
                          + ".map(row => row.dataset.kind)")
                  .valueStream()
                  .map(JsonNode::asString)
                  .toList())
          .as("its history: transferred, signed for, overdue")
          .contains("OPENED", "ACCEPTED", "OVERDUE");
      assertThat(text(browser, "#caseDialog"))
          .as("who did what")
          .contains("转办", "签收", "超期", "hrss-staff", "已超期");
      browser.screenshotOfTheWholePage(SCREENSHOTS.resolve("dashboard-case.png"));

      // A ticket handling has no case for is said so, in words.
      browser.evaluate("openCase('000000-99-0000').then(() => true)");
      assertThat(attribute(browser, "#caseDialog", "data-state")).isEqualTo("error");
      assertThat(attribute(browser, "#caseDialog", "data-status")).isEqualTo("404");
      assertThat(text(browser, "#caseBody")).contains("办理系统中没有工单 000000-99-0000 的案卷");
    }
  }

  @Test
  void theDailyExcelAndCsvExportsDownloadWithTheFiguresOfTheDayShown() throws Exception {
    var day = api("/api/reports/days/" + PAST_DAY);
    Path downloads = Files.createDirectories(work.resolve("downloads"));
    try (var browser = browser()) {
      browser.allowDownloads(downloads);
      signIn(browser, reporting.url("/dashboard.html#day=" + PAST_DAY), "day:" + PAST_DAY);

      click(browser, "[data-export=xlsx]");
      await("the workbook downloaded")
          .atMost(Duration.ofSeconds(60))
          .until(() -> browser.downloaded().stream().anyMatch(name -> name.endsWith(".xlsx")));
      String name =
          browser.downloaded().stream().filter(n -> n.endsWith(".xlsx")).findFirst().orElseThrow();
      assertThat(name)
          .as("the Chinese name of Content-Disposition's filename*")
          .contains("日报", PAST_DAY.toString());

      var figures = figuresIn(downloads.resolve(name));
      assertThat(figures)
          .containsEntry("受理总量", day.get("received").asDouble())
          .containsEntry("来电", day.get("calls").asDouble())
          .containsEntry("网上留言", day.get("online").asDouble())
          .containsEntry("来信", day.get("letters").asDouble());

      click(browser, "[data-export=csv]");
      await("the CSV downloaded")
          .atMost(Duration.ofSeconds(60))
          .until(() -> browser.downloaded().stream().anyMatch(n -> n.endsWith(".csv")));
      String csv =
          browser.downloaded().stream().filter(n -> n.endsWith(".csv")).findFirst().orElseThrow();
      assertThat(Files.readString(downloads.resolve(csv)))
          .isEqualTo(text("/api/reports/days/" + PAST_DAY + "/csv"));
    }
  }

  @Test
  void theDispatchersCorrectionsShowTheLastTwelveWeeksAsRoutingAnswersThem() throws Exception {
    // Weeks ago -> corrections and how many of them routing's model had proposed right; twenty
    // weeks ago is before the panel's twelve.
    var answered =
        Map.of(
            20,
            List.of(7, 1),
            11,
            List.of(3, 3),
            3,
            List.of(5, 2),
            1,
            List.of(12, 9),
            0,
            List.of(1, 0));
    var monday = TODAY.with(DayOfWeek.MONDAY);
    var json = new ArrayList<Map<String, Object>>();
    answered.keySet().stream()
        .sorted(Comparator.reverseOrder())
        .forEach(
            ago -> {
              int corrections = answered.get(ago).get(0);
              int right = answered.get(ago).get(1);
              json.add(
                  Map.of(
                      "week",
                      isoWeek(monday.minusWeeks(ago)),
                      "corrections",
                      corrections,
                      "proposedRight",
                      right,
                      "share",
                      Math.round(1000.0 * right / corrections) / 10.0));
            });
    routing.answer(EventJson.MAPPER.writeValueAsString(json));

    try (var browser = browser()) {
      signIn(browser, reporting.url("/dashboard.html#day=" + PAST_DAY), "day:" + PAST_DAY);
      await("the dispatchers' corrections from routing")
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(() -> "loaded".equals(attribute(browser, "#corrections", "data-state")));

      assertThat(routing.callers())
          .as("read with the manager's token")
          .anyMatch(caller -> caller.startsWith("manager ") && caller.contains("\"MANAGER\""));
      var weeks = new ArrayList<String>();
      var corrections = new ArrayList<Integer>();
      for (int ago = 11; ago >= 0; ago--) {
        weeks.add(0, isoWeek(monday.minusWeeks(ago)));
        corrections.add(answered.getOrDefault(ago, List.of(0, 0)).get(0));
      }
      assertThat(
              browser
                  .evaluate(
                      "[...document.querySelectorAll('#corrections tr[data-week]')].map(r => r.dataset.week)")
                  .valueStream()
                  .map(JsonNode::asString)
                  .toList())
          .as("the last twelve weeks, this one first")
          .containsExactlyElementsOf(weeks);
      for (int ago = 0; ago < 12; ago++) {
        String row = "#corrections tr[data-week='" + isoWeek(monday.minusWeeks(ago)) + "'] ";
        var week = answered.get(ago);
        assertThat(text(browser, row + "[data-field=corrections]"))
            .as(ago + " weeks ago")
            .isEqualTo(week == null ? "0" : String.valueOf(week.get(0)));
        assertThat(text(browser, row + "[data-field=proposedRight]"))
            .isEqualTo(week == null ? "0" : String.valueOf(week.get(1)));
        assertThat(text(browser, row + "[data-field=share]"))
            .isEqualTo(
                week == null
                    ? "—"
                    : String.format(
                        Locale.ROOT,
                        "%.1f%%",
                        Math.round(1000.0 * week.get(1) / week.get(0)) / 10.0));
      }
      assertThat(attribute(browser, "#correctionsChart", "data-points")).isEqualTo("12");
      assertThat(attribute(browser, "#correctionsChart", "data-values"))
          .as("a bar per week, oldest first")
          .isEqualTo(EventJson.MAPPER.writeValueAsString(corrections));
      assertThat(texts(browser, "#correctionsChart svg text"))
          .contains("纠正（件）", "预判正确率（%）", "第" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周");
      browser.screenshotOfTheWholePage(SCREENSHOTS.resolve("dashboard-corrections.png"));

      // Routing refusing says so in the panel, and the reports stay as they are.
      routing.fail(503);
      browser.evaluate("corrections().then(() => true)");
      assertThat(attribute(browser, "#corrections", "data-state")).isEqualTo("error");
      assertThat(text(browser, "#correctionsTable")).contains("分派系统正在启动");
      assertThat(tile(browser, "received")).isEqualTo("8");
    }
  }

  private static String isoWeek(LocalDate day) {
    return "%d-W%02d"
        .formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  // ------------------------------------------------------------------ the browser

  /** Chromium in Chinese, with handling's name mapped to its port. */
  private HeadlessChromium browser() throws Exception {
    String port = handling.url("").substring(handling.url("").lastIndexOf(':') + 1);
    return HeadlessChromium.start(
        chromium,
        work.resolve("profile"),
        "--lang=zh-CN",
        "--host-rules=MAP handling.test 127.0.0.1:" + port);
  }

  /** The dashboard at the address, the manager signed in on the identity provider's page. */
  private static void signIn(HeadlessChromium browser, String address, String view)
      throws Exception {
    browser.open(address);
    await("the sign-in prompt")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> browser.evaluate("!document.getElementById('signIn').hidden").asBoolean());
    click(browser, "#signIn button");
    await("the identity provider's sign-in page")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> browser.evaluate("!!document.getElementById('username')").asBoolean());
    browser.evaluate(
        "document.getElementById('username').value = 'manager';"
            + "document.getElementById('password').value = 'manager-dev';"
            + "document.querySelector('form').submit(); true");
    awaitView(browser, view);
  }

  private static void awaitLoaded(HeadlessChromium browser) {
    await("the dashboard loaded its figures")
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .until(
            () ->
                "true"
                    .equals(
                        browser.evaluate("document.body.getAttribute('data-loaded')").asString()));
  }

  private static void awaitView(HeadlessChromium browser, String view) {
    await("the dashboard showing " + view)
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .until(
            () ->
                view.equals(browser.evaluate("document.body.getAttribute('data-view')").asString())
                    && "true"
                        .equals(
                            browser
                                .evaluate("document.body.getAttribute('data-loaded')")
                                .asString()));
  }

  private static void click(HeadlessChromium browser, String selector) throws Exception {
    browser.evaluate("document.querySelector(" + js(selector) + ").click(); true");
  }

  /** A figure's value as the page holds it in its data-value. */
  private static String tile(HeadlessChromium browser, String figure) throws Exception {
    return attribute(browser, "[data-figure=" + figure + "]", "data-value");
  }

  private static long sumOf(HeadlessChromium browser, String... figures) throws Exception {
    long sum = 0;
    for (String figure : figures) {
      sum += Long.parseLong(tile(browser, figure));
    }
    return sum;
  }

  private static String attribute(HeadlessChromium browser, String selector, String name)
      throws Exception {
    return browser
        .evaluate("document.querySelector(" + js(selector) + ").getAttribute(" + js(name) + ")")
        .asString();
  }

  private static String text(HeadlessChromium browser, String selector) throws Exception {
    return browser.evaluate("document.querySelector(" + js(selector) + ").textContent").asString();
  }

  private static List<String> texts(HeadlessChromium browser, String selector) throws Exception {
    return browser
        .evaluate("[...document.querySelectorAll(" + js(selector) + ")].map(n => n.textContent)")
        .valueStream()
        .map(JsonNode::asString)
        .toList();
  }

  private static int count(HeadlessChromium browser, String selector) throws Exception {
    return browser.evaluate("document.querySelectorAll(" + js(selector) + ").length").asInt();
  }

  private static String js(String value) {
    return EventJson.MAPPER.writeValueAsString(value);
  }

  /** The day the page opens on without a link: yesterday before the working day starts. */
  private static LocalDate defaultDay() {
    var now = HotlineTime.now(Clock.systemUTC());
    return now.toLocalTime().isBefore(LocalTime.of(9, 0))
        ? now.toLocalDate().minusDays(1)
        : now.toLocalDate();
  }

  private static String signed(long difference) {
    return difference == 0 ? "持平" : (difference > 0 ? "+" : "−") + Math.abs(difference);
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

  /** Every row of the workbook whose first cell is a label and second a number. */
  private static Map<String, Double> figuresIn(Path xlsx) throws IOException {
    var figures = new HashMap<String, Double>();
    try (var in = Files.newInputStream(xlsx);
        var workbook = new XSSFWorkbook(in)) {
      for (var sheet : workbook) {
        for (var row : sheet) {
          var label = row.getCell(0);
          var value = row.getCell(1);
          if (label != null
              && value != null
              && label.getCellType() == CellType.STRING
              && value.getCellType() == CellType.NUMERIC) {
            figures.putIfAbsent(label.getStringCellValue(), value.getNumericCellValue());
          }
        }
      }
    }
    return figures;
  }

  // ------------------------------------------------------------------ the API, as the test reads
  // it

  private static JsonNode api(String path) throws Exception {
    return EventJson.MAPPER.readTree(text(path));
  }

  private static String text(String path) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(reporting.url(path)))
                .header("Authorization", IdentityProvider.bearer("manager"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static String dayRange(String path, LocalDate day) {
    return path + "?from=" + day + "&to=" + day;
  }

  /** Tickets received and completed over the last 30 days, from the trend the page reads. */
  private static List<Long> trendTotals() throws Exception {
    long received = 0;
    long completed = 0;
    for (var day : api("/api/reports/trend?days=30")) {
      received += day.get("received").asLong();
      completed += day.get("completed").asLong();
    }
    return List.of(received, completed);
  }

  // ------------------------------------------------------------------ the tickets

  /**
   * Tickets over the last ten days: answered on the call, or transferred and left open (overdue
   * once five days have passed), or handled to the end by their unit and called back; how many were
   * received and how many are completed.
   */
  private static List<Long> tenDaysOfTickets(TopicProbe probe) {
    long received = 0;
    long completed = 0;
    var toTheEnd = new ArrayList<Runnable>();
    List<String> verdicts =
        List.of("SATISFIED", "BASICALLY_SATISFIED", "SATISFIED", "NOT_SATISFIED");
    for (int daysAgo = 0; daysAgo < 10; daysAgo++) {
      var day = TODAY.minusDays(daysAgo);
      for (int i = 0; i <= daysAgo % 4 + 2; i++) {
        String number = number(day, "07", daysAgo * 100 + i);
        var at = day.atTime(10, 0).plusMinutes(10L * i).atZone(HotlineTime.ZONE).toOffsetDateTime();
        received++;
        if (i % 3 == 0) {
          direct(probe, number, at, "hotline-phone");
          completed++;
          continue;
        }
        var transfer = i == 1 || i == 5 ? WAGES : i == 2 ? HEATING : TRAFFIC;
        String channel = i % 2 == 0 ? "wechat-snapshot" : "hotline-phone";
        transferred(probe, number, at, channel, transfer, at.plusDays(5));
        if (i % 3 == 1) {
          String verdict = verdicts.get(daysAgo % verdicts.size());
          // 不满意 re-opens the ticket to the same unit: it is no longer completed.
          completed += verdict.equals("NOT_SATISFIED") ? 0 : 1;
          toTheEnd.add(() -> handledToTheEnd(number, transfer, verdict));
        }
      }
    }
    toTheEnd.parallelStream().forEach(Runnable::run);
    return List.of(received, completed);
  }

  /**
   * The past day's eight tickets: four calls (one overdue after its unit signed for it, one within
   * its time limit, one resolved, one answered on the call), two online messages (one transferred,
   * one answered), two letters (one waiting in triage, one not yet routed).
   */
  private static PastDay ticketsOfThePastDay(TopicProbe probe) {
    var at = PAST_DAY.atTime(9, 30).atZone(HotlineTime.ZONE).toOffsetDateTime();
    String overdue = number(PAST_DAY, "08", 1);
    var overdueDueAt = at.plusDays(3);
    transferred(probe, overdue, at, "hotline-phone", WAGES, overdueDueAt);
    String withinLimit = number(PAST_DAY, "08", 2);
    transferred(
        probe,
        withinLimit,
        at.plusMinutes(5),
        "hotline-phone",
        HEATING,
        OffsetDateTime.now().plusDays(30));
    String resolved = number(PAST_DAY, "08", 3);
    transferred(probe, resolved, at.plusMinutes(10), "hotline-phone", WAGES, at.plusDays(3));
    direct(probe, number(PAST_DAY, "08", 4), at.plusMinutes(15), "hotline-phone");
    transferred(
        probe,
        number(PAST_DAY, "08", 5),
        at.plusMinutes(20),
        "wechat-snapshot",
        TRAFFIC,
        OffsetDateTime.now().plusDays(30));
    direct(probe, number(PAST_DAY, "08", 6), at.plusMinutes(25), "mayor-mailbox");
    String triage = number(PAST_DAY, "08", 7);
    received(probe, triage, at.plusMinutes(30), "letter", "630103", null);
    routed(
        probe,
        new TicketRouted(
            UUID.randomUUID(),
            triage,
            at.plusMinutes(30),
            at.plusMinutes(31),
            "letter",
            RoutingOutcome.TRIAGE,
            null,
            "630103",
            null,
            List.of(),
            "triage",
            "test",
            "无法判断问题类别",
            null,
            Priority.NORMAL));
    received(probe, number(PAST_DAY, "08", 8), at.plusMinutes(35), "letter", "630103", null);

    post(WAGES.principal(), overdue, "progress", "{\"kind\":\"ACCEPTED\"}");
    post(WAGES.principal(), resolved, "progress", "{\"kind\":\"ACCEPTED\"}");
    post(WAGES.principal(), resolved, "progress", "{\"kind\":\"RESOLVED\",\"text\":\"已督促企业结清工资\"}");
    return new PastDay(overdue, withinLimit, overdueDueAt);
  }

  private static String number(LocalDate day, String series, int n) {
    return "%s-%s-%04d".formatted(day.toString().substring(2).replace("-", ""), series, n);
  }

  private static void direct(TopicProbe probe, String number, OffsetDateTime at, String channel) {
    received(probe, number, at, channel, "630103", "policy-consultation");
    routed(
        probe,
        new TicketRouted(
            UUID.randomUUID(),
            number,
            at,
            at.plusMinutes(1),
            channel,
            RoutingOutcome.DIRECT,
            "policy-consultation",
            "630103",
            "hotline",
            List.of(),
            "test",
            "test",
            "政策咨询，当场答复",
            null,
            Priority.NORMAL));
  }

  private static void transferred(
      TopicProbe probe,
      String number,
      OffsetDateTime at,
      String channel,
      Transfer transfer,
      OffsetDateTime dueAt) {
    received(probe, number, at, channel, transfer.district(), transfer.topic());
    routed(
        probe,
        new TicketRouted(
            UUID.randomUUID(),
            number,
            at,
            at.plusMinutes(1),
            channel,
            RoutingOutcome.TRANSFER,
            transfer.topic(),
            transfer.district(),
            transfer.unit(),
            transfer.unit().equals("traffic-police")
                ? List.of()
                : List.of("gov-" + transfer.district()),
            "test",
            "test",
            "test",
            dueAt,
            Priority.NORMAL,
            List.of(transfer.words())));
  }

  private static void received(
      TopicProbe probe,
      String number,
      OffsetDateTime at,
      String channel,
      String district,
      String topic) {
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            number,
            at,
            channel,
            AppealType.COMPLAINT,
            "反映问题",
            "城北区柴达木路",
            district,
            topic);
    probe.sendRaw(Topics.TICKETS_RECEIVED, number, EventJson.MAPPER.writeValueAsString(ticket));
  }

  private static void routed(TopicProbe probe, TicketRouted decision) {
    probe.sendRaw(
        Topics.ROUTING_DECISIONS,
        decision.ticketNumber(),
        EventJson.MAPPER.writeValueAsString(decision));
  }

  /** Signed for, resolved, approved in review and called back, over handling's REST API. */
  private static void handledToTheEnd(String number, Transfer transfer, String verdict) {
    post(transfer.principal(), number, "progress", "{\"kind\":\"ACCEPTED\"}");
    post(transfer.principal(), number, "progress", "{\"kind\":\"RESOLVED\",\"text\":\"已办结\"}");
    post("reviewer", number, "actions", "{\"kind\":\"REVIEW_APPROVED\"}");
    post(
        "reviewer",
        number,
        "actions",
        "{\"kind\":\"CALLBACK\",\"reached\":true,\"solved\":true,\"satisfaction\":\""
            + verdict
            + "\"}");
  }

  /**
   * Sent until handling takes it ({@code 202}): before routing's transfer has opened the case it is
   * a 404, and a step right after the one before may be judged against the state before (409).
   */
  private static void post(String principal, String number, String what, String body) {
    await(principal + " " + body + " on " + number)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                HTTP.send(
                            HttpRequest.newBuilder(
                                    URI.create(handling.url("/api/cases/" + number + "/" + what)))
                                .header("Authorization", IdentityProvider.bearer(principal))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 202);
  }
}
