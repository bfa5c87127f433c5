package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The three services' real jars, each in its own JVM, against one real broker: a ticket is followed
 * from the operator's POST to the unit's assignment topic and into the daily count. Subclasses
 * supply the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndScenarios {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ServiceProcess intake;
  private ServiceProcess routing;
  private ServiceProcess reporting;
  private ServiceProcess handling;
  private TopicProbe probe;

  abstract String bootstrapServers();

  /** The tests' own view of the topics. */
  abstract TopicProbe probe();

  /** What every service is started with besides the broker, e.g. how it logs in to Kafka. */
  List<String> serviceArguments() {
    return List.of();
  }

  @BeforeAll
  void startServices() throws Exception {
    Path data = Files.createTempDirectory("hotline-e2e");
    var arguments = serviceArguments().toArray(String[]::new);
    intake = ServiceProcess.start("intake", bootstrapServers(), data, arguments);
    routing = ServiceProcess.start("routing", bootstrapServers(), data, arguments);
    reporting = ServiceProcess.start("reporting", bootstrapServers(), data, arguments);
    // The whole loop below asks for an extension whatever the hour the suite runs; the 17:00
    // cut-off itself is tested in handling's own tests with a clock they control.
    var handlingArguments = new java.util.ArrayList<>(serviceArguments());
    handlingArguments.add("--hotline.handling.extension-cut-off=23:59:59");
    handling =
        ServiceProcess.start(
            "handling", bootstrapServers(), data, handlingArguments.toArray(String[]::new));
    intake.awaitHealthy();
    routing.awaitHealthy();
    reporting.awaitHealthy();
    handling.awaitHealthy();
    probe = probe();
  }

  /** The four services, started and healthy. */
  List<ServiceProcess> services() {
    return List.of(intake, routing, reporting, handling);
  }

  @AfterAll
  void stopServices() throws Exception {
    for (var service : new ServiceProcess[] {intake, routing, reporting, handling}) {
      if (service != null) {
        service.close();
      }
    }
  }

  @Test
  void aWageComplaintTravelsFromTheOperatorToLabourInspectionAndIntoTodaysCount() throws Exception {
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    long hrssBefore = countOf(today, "$.byUnit.hrss");

    String number =
        accepted(
            """
            {"channel":"hotline-phone","appealType":"COMPLAINT",
             "content":"来电人反映在城北区某工地务工，老板拖欠三个月工资共两万余元，多次讨要未果。",
             "address":"城北区柴达木路","districtCode":"630105","topicCode":"wage-arrears"}
            """);

    await("assignment on assignments-hrss")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(probe.recordsFor(Topics.assignmentsOf("hrss"), number))
                  .singleElement()
                  .satisfies(
                      r ->
                          assertThat(JsonPath.<String>read(r.value(), "$.content"))
                              .contains("拖欠三个月工资"));
              assertThat(probe.recordsFor(Topics.assignmentsOf("gov-630105"), number)).hasSize(1);
            });
    await("daily count includes the ticket")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(countOf(today, "$.byUnit.hrss")).isEqualTo(hrssBefore + 1));
  }

  @Test
  void aTicketIsRoutedSignedForExtendedResolvedReviewedCalledBackAndClosed() throws Exception {
    var response =
        post(
            """
            {"channel":"hotline-phone","appealType":"COMPLAINT","callerPhone":"13912345678",
             "content":"来电人反映小区暖气不热，室温只有十五度。",
             "address":"城西区胜利路8号","districtCode":"630104","topicCode":"heating"}
            """);
    String number = JsonPath.read(response.body(), "$.ticketNumber");
    awaitCase(number, "ASSIGNED");

    send(handling, "/api/cases/" + number + "/progress", "{\"kind\":\"ACCEPTED\"}", "unit-heating");
    awaitCase(number, "ACCEPTED");
    String extendedTo =
        OffsetDateTime.now(HotlineTime.ZONE)
            .plusDays(30)
            .truncatedTo(ChronoUnit.DAYS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    send(
        handling,
        "/api/cases/" + number + "/progress",
        "{\"kind\":\"EXTENSION_REQUESTED\",\"text\":\"需更换入户主管道，等待材料\","
            + "\"requestedDueAt\":\""
            + extendedTo
            + "\"}",
        "unit-heating");
    awaitCaseField(
        number, "$.pendingExtension.unit", unit -> assertThat(unit).isEqualTo("heating"));
    send(
        handling,
        "/api/cases/" + number + "/actions",
        "{\"kind\":\"EXTENSION_GRANTED\"}",
        "reviewer");
    awaitCaseField(
        number,
        "$.dueAt",
        due ->
            assertThat(OffsetDateTime.parse(due).toInstant())
                .isEqualTo(OffsetDateTime.parse(extendedTo).toInstant()));
    send(
        handling,
        "/api/cases/" + number + "/progress",
        "{\"unit\":\"heating\",\"kind\":\"RESOLVED\",\"text\":\"已排查管网，室温恢复至20度\"}",
        "unit-heating");
    awaitCase(number, "RESOLVED");
    send(
        handling,
        "/api/cases/" + number + "/actions",
        "{\"kind\":\"REVIEW_APPROVED\"}",
        "reviewer");
    awaitCase(number, "APPROVED");
    send(
        handling,
        "/api/cases/" + number + "/actions",
        "{\"kind\":\"CALLBACK\",\"reached\":true,\"solved\":true,\"satisfaction\":\"SATISFIED\"}",
        "reviewer");

    awaitCase(number, "CLOSED");
    // The case store may show a change before its transaction commits; the topic shows it after.
    await("the lifecycle on ticket-lifecycle")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        probe.recordsFor(Topics.TICKET_LIFECYCLE, number).stream()
                            .map(r -> JsonPath.<String>read(r.value(), "$.kind"))
                            .toList())
                    .containsExactly(
                        "OPENED",
                        "ACCEPTED",
                        "EXTENSION_REQUESTED",
                        "EXTENSION_GRANTED",
                        "RESOLVED",
                        "REVIEW_APPROVED",
                        "CALLBACK_RECORDED",
                        "CLOSED"));
    await("intake and Open311 show it closed")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var open311 =
                  HTTP.send(
                      HttpRequest.newBuilder(
                              URI.create(intake.url("/open311/v2/requests/" + number + ".json")))
                          .header("Authorization", IdentityProvider.bearer("operator"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(JsonPath.<String>read(open311.body(), "$[0].status")).isEqualTo("closed");
              var ticket =
                  HTTP.send(
                      HttpRequest.newBuilder(URI.create(intake.url("/api/tickets/" + number)))
                          .header("Authorization", IdentityProvider.bearer("operator"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(JsonPath.<List<String>>read(ticket.body(), "$.history[*].status"))
                  .containsExactly(
                      "RECEIVED", "PUBLISHED", "TRANSFERRED", "IN_HANDLING", "RESOLVED", "CLOSED");
            });
  }

  @Test
  void eachPrincipalReachesOnlyWhatItsRoleAllowsAndAUnitOnlyItsOwnCases() throws Exception {
    // Nobody without a token, on any service.
    assertThat(status(intake, "GET", "/api/tickets/261206-01-0001", null, null)).isEqualTo(401);
    assertThat(status(intake, "POST", "/api/callers/tickets", null, "{\"phone\":\"13912345678\"}"))
        .isEqualTo(401);
    assertThat(status(routing, "GET", "/api/routing/triage", null, null)).isEqualTo(401);
    assertThat(status(routing, "PUT", "/api/routing/rules", null, "version: x")).isEqualTo(401);
    assertThat(status(reporting, "GET", "/api/reports/days/today", null, null)).isEqualTo(401);
    assertThat(status(handling, "GET", "/api/cases?status=ASSIGNED", null, null)).isEqualTo(401);
    assertThat(status(handling, "GET", "/actuator/prometheus", null, null)).isEqualTo(401);
    assertThat(status(handling, "GET", "/actuator/health", null, null)).isEqualTo(200);

    // A wrong role is refused; the right one is served.
    assertThat(status(reporting, "GET", "/api/reports/days/today", "operator", null))
        .isEqualTo(403);
    assertThat(status(reporting, "GET", "/api/reports/days/today", "manager", null)).isEqualTo(200);
    assertThat(status(routing, "PUT", "/api/routing/rules", "dispatcher", "version: x"))
        .isEqualTo(403);
    assertThat(status(routing, "GET", "/api/routing/rules", "rules-admin", null)).isEqualTo(200);
    assertThat(status(routing, "GET", "/api/routing/triage", "unit-hrss", null)).isEqualTo(403);
    assertThat(status(routing, "GET", "/api/routing/triage", "dispatcher", null)).isEqualTo(200);
    assertThat(status(intake, "POST", "/api/tickets", "manager", "{}")).isEqualTo(403);
    assertThat(
            status(
                intake,
                "POST",
                "/api/tickets",
                "gateway-wechat-snapshot",
                "{\"channel\":\"hotline-phone\",\"content\":\"冒充电话渠道\"}"))
        .isEqualTo(403);
    assertThat(status(reporting, "GET", "/api/audit", "manager", null)).isEqualTo(403);

    // A unit reads and reports on its own cases, never on another unit's.
    String number =
        accepted(
            """
            {"channel":"hotline-phone","appealType":"COMPLAINT",
             "content":"来电人反映小区暖气不热，室温只有十四度。",
             "address":"城西区五四大街30号","districtCode":"630104","topicCode":"heating"}
            """);
    awaitCase(number, "ASSIGNED");
    assertThat(status(handling, "GET", "/api/cases/" + number, "unit-heating", null))
        .isEqualTo(200);
    assertThat(status(handling, "GET", "/api/cases/" + number, "unit-hrss", null)).isEqualTo(403);
    assertThat(
            status(
                handling,
                "POST",
                "/api/cases/" + number + "/progress",
                "unit-hrss",
                "{\"kind\":\"RESOLVED\",\"text\":\"冒名办结\"}"))
        .isEqualTo(403);
    assertThat(
            status(
                handling,
                "POST",
                "/api/cases/" + number + "/actions",
                "unit-heating",
                "{\"kind\":\"CALLBACK\",\"reached\":true,\"solved\":true,\"satisfaction\":\"SATISFIED\"}"))
        .isEqualTo(403);

    // The security officer sees who tried, with the ticket's number and without its content.
    await("the refused read on the audit trail")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var audit =
                  HTTP.send(
                      HttpRequest.newBuilder(
                              URI.create(reporting.url("/api/audit?ticket=" + number)))
                          .header("Authorization", IdentityProvider.bearer("auditor"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(audit.statusCode()).isEqualTo(200);
              assertThat(
                      JsonPath.<List<String>>read(audit.body(), "$[?(@.status == 403)].principal"))
                  .contains("unit-hrss");
              assertThat(
                      JsonPath.<List<String>>read(audit.body(), "$[?(@.status == 200)].principal"))
                  .contains("unit-heating");
              assertThat(audit.body()).doesNotContain("暖气");
            });
  }

  /** The status a principal's request gets; {@code principal} null for no token at all. */
  private static int status(
      ServiceProcess service, String method, String path, String principal, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(service.url(path)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header(
          "Content-Type", path.endsWith("/rules") ? "application/yaml" : "application/json");
    }
    if (principal != null) {
      request.header("Authorization", IdentityProvider.bearer(principal));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aTicketReturnedByItsUnitIsRoutedToTheNextCandidate() throws Exception {
    var response =
        post(
            """
            {"channel":"hotline-phone","appealType":"COMPLAINT",
             "content":"来电人反映在城北区小桥大街一家餐馆打工，老板拖欠两个月工资未结。",
             "address":"城北区小桥大街66号","districtCode":"630105","topicCode":"wage-arrears"}
            """);
    String number = JsonPath.read(response.body(), "$.ticketNumber");
    awaitCase(number, "ASSIGNED");

    send(
        handling,
        "/api/cases/" + number + "/progress",
        "{\"unit\":\"hrss\",\"kind\":\"RETURNED\",\"returnReason\":\"WRONG_DISTRICT\"}",
        "unit-hrss");

    await("routed again to the district government")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var found =
                  HTTP.send(
                      HttpRequest.newBuilder(URI.create(handling.url("/api/cases/" + number)))
                          .header("Authorization", IdentityProvider.bearer("reviewer"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(JsonPath.<String>read(found.body(), "$.status")).isEqualTo("ASSIGNED");
              assertThat(JsonPath.<String>read(found.body(), "$.primaryUnit"))
                  .isEqualTo("gov-630105");
              assertThat(JsonPath.<List<String>>read(found.body(), "$.history[*].kind"))
                  .containsExactly("OPENED", "RETURNED", "OPENED");
            });
    assertThat(probe.recordsFor(Topics.assignmentsOf("gov-630105"), number))
        .extracting(r -> JsonPath.<String>read(r.value(), "$.role"))
        .containsExactlyInAnyOrder("ASSISTING", "PRIMARY");
  }

  @Test
  void neighboursCallingAboutOneColdBuildingGetOneCaseAndEachIsCalledBackWithItsResult()
      throws Exception {
    String open =
        accepted(
            """
            {"channel":"hotline-phone","appealType":"COMPLAINT",
             "content":"来电人反映城东区金汇花园7号楼整栋暖气不热，室温只有十三度。",
             "address":"城东区东关大街金汇花园7号楼","districtCode":"630102","topicCode":"heating"}
            """);
    awaitCase(open, "ASSIGNED");
    await("intake knows the ticket is transferred")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(JsonPath.<String>read(ticket(open), "$.status"))
                    .isEqualTo("TRANSFERRED"));

    // A neighbour calls; the operator chooses no topic: intake names the open ticket at once.
    var neighbour =
        post(
            """
            {"channel":"hotline-phone","appealType":"COMPLAINT",
             "content":"请问金汇花园7号楼的暖气什么时候能热？家里冷得睡不着。",
             "address":"金汇花园7号楼"}
            """);
    assertThat(neighbour.statusCode()).as(neighbour.body()).isEqualTo(201);
    assertThat(JsonPath.<String>read(neighbour.body(), "$.sameProblem.ticketNumber"))
        .isEqualTo(open);
    assertThat(JsonPath.<String>read(neighbour.body(), "$.sameProblem.unit")).isEqualTo("heating");
    String repeat = JsonPath.read(neighbour.body(), "$.ticketNumber");

    // Routing places it in the same topic and links it; the unit gets no second case.
    awaitCaseField(repeat, "$.linkedTo", linkedTo -> assertThat(linkedTo).isEqualTo(open));
    await("the unit sees the neighbour on its one case")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        probe.recordsFor(Topics.lifecycleOf("heating"), open).stream()
                            .map(r -> JsonPath.<String>read(r.value(), "$.kind"))
                            .toList())
                    .contains("OPENED", "APPEAL_LINKED"));
    assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, repeat))
        .singleElement()
        .satisfies(
            r -> assertThat(JsonPath.<String>read(r.value(), "$.outcome")).isEqualTo("LINKED"));
    assertThat(probe.recordsFor(Topics.assignmentsOf("heating"), repeat)).isEmpty();
    assertThat(probe.recordsFor(Topics.lifecycleOf("heating"), repeat)).isEmpty();

    // The unit works the one case; when it is approved, the neighbour is called back too.
    send(handling, "/api/cases/" + open + "/progress", "{\"kind\":\"ACCEPTED\"}", "unit-heating");
    awaitCase(open, "ACCEPTED");
    send(
        handling,
        "/api/cases/" + open + "/progress",
        "{\"kind\":\"RESOLVED\",\"text\":\"已更换7号楼单元阀门，室温恢复至20度\"}",
        "unit-heating");
    awaitCase(open, "RESOLVED");
    send(handling, "/api/cases/" + open + "/actions", "{\"kind\":\"REVIEW_APPROVED\"}", "reviewer");
    awaitCase(repeat, "APPROVED");
    send(
        handling,
        "/api/cases/" + repeat + "/actions",
        "{\"kind\":\"CALLBACK\",\"reached\":true,\"solved\":true,\"satisfaction\":\"SATISFIED\"}",
        "reviewer");
    awaitCase(repeat, "CLOSED");
    awaitCase(open, "APPROVED");
    await("intake shows the neighbour's appeal linked, resolved and closed")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(JsonPath.<List<String>>read(ticket(repeat), "$.history[*].status"))
                    .containsExactly("RECEIVED", "PUBLISHED", "LINKED", "RESOLVED", "CLOSED"));
  }

  private String ticket(String number) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(intake.url("/api/tickets/" + number)))
                .header("Authorization", IdentityProvider.bearer("operator"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private void awaitCaseField(String number, String path, Consumer<String> check) {
    await("case " + number + " " + path)
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var found =
                  HTTP.send(
                      HttpRequest.newBuilder(URI.create(handling.url("/api/cases/" + number)))
                          .header("Authorization", IdentityProvider.bearer("reviewer"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              check.accept(JsonPath.<String>read(found.body(), path));
            });
  }

  void awaitCase(String number, String status) {
    awaitCaseField(number, "$.status", found -> assertThat(found).isEqualTo(status));
  }

  private static void send(ServiceProcess service, String path, String json, String principal)
      throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(service.url(path)))
                .header("Authorization", IdentityProvider.bearer(principal))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  @Test
  void aPolicyQuestionIsCountedAsAnsweredDirectly() throws Exception {
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    long directBefore = countOf(today, "$.byOutcome.DIRECT");

    var response =
        post(
            """
            {"channel":"gov-cn","appealType":"CONSULTATION",
             "content":"请问高校毕业生到西宁就业有没有住房补贴，申请条件是什么？",
             "topicCode":"policy-consultation"}
            """);
    assertThat(response.statusCode()).isEqualTo(201);

    await("direct count")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(countOf(today, "$.byOutcome.DIRECT")).isEqualTo(directBefore + 1));
  }

  @Test
  void everyServiceExposesPrometheusMetricsWithItsDomainCounters() throws Exception {
    post(
        """
        {"channel":"letter","content":"来信反映小区停水两天。","topicCode":"water-supply"}
        """);

    await("domain metrics")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(scrape(intake))
                  .contains(
                      "hotline_tickets_accepted_total{",
                      "hotline_intake_outbox_backlog{",
                      "hotline_intake_publish_latency_seconds",
                      "resilience4j_circuitbreaker_state{");
              assertThat(scrape(routing)).contains("hotline_routing_decisions_total{");
              assertThat(scrape(reporting)).contains("kafka_stream");
              assertThat(scrape(handling)).contains("kafka_stream");
            });
  }

  @Test
  void oneTicketCanBeFollowedThroughTheServicesLogsByItsTraceId() throws Exception {
    String number =
        accepted(
            """
            {"channel":"hotline-phone","appealType":"COMPLAINT",
             "content":"来电人反映老板拖欠两个月工资，多次讨要未果。","address":"城中区南大街",
             "districtCode":"630103","topicCode":"wage-arrears"}
            """);

    // intake's request, routing's decision and handling's case file: one trace id in all three.
    await("the ticket in every service's log with one trace id")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              String accepted = lineAbout(intake, number + " accepted");
              String decided = lineAbout(routing, number + " TRANSFER");
              String opened = lineAbout(handling, number + " OPENED");
              String traceId = traceIdIn(accepted);
              assertThat(traceIdIn(decided)).isEqualTo(traceId);
              assertThat(traceIdIn(opened)).isEqualTo(traceId);
            });
  }

  private static String lineAbout(ServiceProcess service, String text) throws Exception {
    return service
        .logText()
        .lines()
        .filter(line -> line.contains("ticket " + text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no log line with 'ticket " + text + "'"));
  }

  /** The W3C trace id (32 hex digits) Spring Boot writes into each log line. */
  private static String traceIdIn(String line) {
    var traceId = java.util.regex.Pattern.compile("\\b([0-9a-f]{32})\\b").matcher(line);
    assertThat(traceId.find()).as("a trace id in: " + line).isTrue();
    return traceId.group(1);
  }

  @Test
  void theOperationsDashboardAsksOnlyForMetricsTheServicesExpose() throws Exception {
    // Traffic that makes every series exist: a transferred ticket, and a poison record that
    // routing, reporting and handling all dead-letter.
    accepted(
        """
        {"channel":"hotline-phone","appealType":"COMPLAINT",
         "content":"来电人反映小区供暖不热，室温只有十四度。","address":"城中区南山路",
         "districtCode":"630104","topicCode":"heating"}
        """);
    probe.sendRaw(Topics.TICKETS_RECEIVED, "poison-for-the-dashboard-test", "这不是JSON {");
    var dashboard =
        Files.readString(
            Path.of("..", "deploy", "grafana", "dashboards", "hotline-operations.json"));
    var metrics =
        java.util.regex.Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]")
            .matcher(
                JsonPath.<List<String>>read(dashboard, "$.panels[*].targets[*].expr").toString())
            .results()
            .map(match -> match.group(1))
            .distinct()
            .toList();
    assertThat(metrics).hasSizeGreaterThan(10);

    await("every metric the dashboard queries")
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              String scraped =
                  scrape(intake) + scrape(routing) + scrape(reporting) + scrape(handling);
              assertThat(metrics)
                  .allSatisfy(metric -> assertThat(scraped).contains("\n" + metric + "{"));
            });
  }

  private static String scrape(ServiceProcess service) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(service.url("/actuator/prometheus")))
                .header("Authorization", IdentityProvider.bearer("prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** Posts a ticket as an operator does; it must be accepted. Returns its number. */
  String accepted(String json) throws Exception {
    var response = post(json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JsonPath.read(response.body(), "$.ticketNumber");
  }

  private HttpResponse<String> post(String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(intake.url("/api/tickets")))
            .header("Authorization", IdentityProvider.bearer("operator"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A figure from today's report, 0 when the report has no entry for it yet. */
  private long countOf(String day, String path) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(reporting.url("/api/reports/daily?date=" + day)))
                .header("Authorization", IdentityProvider.bearer("manager"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return ((Number) JsonPath.read(response.body(), path)).longValue();
    } catch (com.jayway.jsonpath.PathNotFoundException notYetCounted) {
      return 0;
    }
  }
}
