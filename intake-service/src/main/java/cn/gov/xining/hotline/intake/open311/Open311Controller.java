package cn.gov.xining.hotline.intake.open311;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.HotlineRole;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.intake.history.TicketHistory;
import cn.gov.xining.hotline.intake.history.TicketRecord;
import cn.gov.xining.hotline.intake.tickets.InvalidTicketException;
import cn.gov.xining.hotline.intake.tickets.TicketIntake;
import cn.gov.xining.hotline.intake.tickets.TicketRequest;
import cn.gov.xining.hotline.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the native intake. */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

  /** The specification's date format: W3C, always with seconds and offset. */
  private static final DateTimeFormatter W3C =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /**
   * The specification's default window for {@code GET requests} without dates, and the longest span
   * a client may ask for.
   */
  private static final Duration WINDOW = Duration.ofDays(90);

  private static final int MAX_REQUESTS = 1000;

  /** The order of {@link TicketHistory#search}, to merge several searches. */
  private static final Comparator<TicketRecord> NEWEST_FIRST =
      Comparator.comparing((TicketRecord r) -> r.ticket().receivedAt().toInstant())
          .thenComparing(TicketRecord::ticketNumber)
          .reversed();

  private final TicketIntake intake;
  private final TicketHistory history;
  private final Catalog catalog;
  private final Open311Properties properties;
  private final Clock clock;

  Open311Controller(
      TicketIntake intake,
      TicketHistory history,
      Catalog catalog,
      Open311Properties properties,
      Clock clock) {
    this.intake = intake;
    this.history = history;
    this.catalog = catalog;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Runs before every endpoint. This endpoint serves one jurisdiction, so a request may name it or
   * leave it out; another one is not found here (the specification's 404).
   */
  @ModelAttribute
  void jurisdiction(
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    if (!blank(jurisdictionId) && !jurisdictionId.strip().equals(properties.jurisdictionId())) {
      throw new Open311Exception(
          404,
          "没有辖区「%s」，本端点只服务 %s (jurisdiction_id not found)"
              .formatted(jurisdictionId, properties.jurisdictionId()));
    }
  }

  @GetMapping("/discovery.{format}")
  ResponseEntity<String> discovery(@PathVariable String format) {
    var endpoint = new LinkedHashMap<String, Object>();
    endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
    endpoint.put("url", properties.baseUrl());
    endpoint.put("changeset", "2026-11-22T00:00:00+08:00");
    endpoint.put("type", "production");
    endpoint.put("formats", List.of("text/xml", "application/json"));
    var discovery = new LinkedHashMap<String, Object>();
    discovery.put("changeset", "2026-11-22T00:00:00+08:00");
    discovery.put("contact", properties.contact());
    discovery.put("key_service", "不需要 API key (no api_key is required)");
    discovery.put("endpoints", List.of(endpoint));
    return Open311Format.of(format).single("discovery", discovery);
  }

  /** The catalog's topics are the services a citizen can report. */
  @GetMapping("/services.{format}")
  ResponseEntity<String> services(@PathVariable String format) {
    var services =
        catalog.topics().stream()
            .map(
                topic -> {
                  var service = new LinkedHashMap<String, Object>();
                  service.put("service_code", topic.code());
                  service.put("service_name", topic.name());
                  service.put("description", topic.about());
                  service.put("metadata", false);
                  service.put("type", "realtime");
                  service.put("keywords", topic.name());
                  service.put("group", unitName(topic.primary()));
                  return (Map<String, Object>) service;
                })
            .toList();
    return Open311Format.of(format).list(200, "services", services);
  }

  @PostMapping(value = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> create(
      @PathVariable String format, @RequestParam Map<String, String> form, Caller gateway) {
    var output = Open311Format.of(format);
    var missing = new ArrayList<Map<String, Object>>();
    if (blank(form.get("service_code"))) {
      missing.add(Open311Exception.error(400, "service_code 必须填写 (service_code was not provided)"));
    }
    // A rule of this jurisdiction, which the specification allows: the description is the appeal
    // itself, which routing reads to decide who handles it and the reports count by.
    if (blank(form.get("description"))) {
      missing.add(
          Open311Exception.error(
              400,
              "description 必须填写：诉求内容是派单的依据"
                  + " (description was not provided; the appeal is routed by it)"));
    }
    if (blank(form.get("address_string"))
        && blank(form.get("address_id"))
        && (blank(form.get("lat")) || blank(form.get("long")))) {
      missing.add(
          Open311Exception.error(
              400,
              "需要位置：lat 和 long 或 address_string"
                  + " (a location is required: lat & long or address_string)"));
    }
    if (!missing.isEmpty()) {
      throw new Open311Exception(400, missing);
    }
    knownService(form.get("service_code").strip());
    var request =
        new TicketRequest(
            // An Open311 app is a channel's gateway; its token says which channel.
            gateway.channel() != null ? gateway.channel() : properties.channel(),
            null,
            form.get("description"),
            form.getOrDefault("address_string", form.get("address_id")),
            null,
            form.get("service_code").strip(),
            null,
            name(form),
            form.get("phone"),
            coordinate(form, "lat"),
            coordinate(form, "long"),
            null,
            null,
            null,
            blank(form.get("media_url")) ? null : List.of(form.get("media_url")));
    var receipt = intake.receive(request, gateway.name());
    var created = new LinkedHashMap<String, Object>();
    created.put("service_request_id", receipt.ticketNumber());
    created.put(
        "service_notice",
        "已受理，工单编号 %s，可凭编号查询办理进度 (received; quote this number to follow it)"
            .formatted(receipt.ticketNumber()));
    created.put("account_id", null);
    return output.list(201, "service_requests", List.of(created));
  }

  @GetMapping("/requests.{format}")
  ResponseEntity<String> requests(
      @PathVariable String format,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String serviceCodes,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(name = "status", required = false) String status,
      Caller caller) {
    var output = Open311Format.of(format);
    if (!blank(ids)) { // the specification: other parameters are then ignored
      var found =
          Arrays.stream(ids.split(","))
              .map(String::strip)
              .map(history::find)
              .flatMap(Optional::stream)
              .filter(ticket -> visibleTo(caller, ticket))
              .toList();
      return output.list(200, "service_requests", requests(found));
    }
    var until = blank(endDate) ? HotlineTime.now(clock) : date("end_date", endDate);
    var from = blank(startDate) ? until.minus(WINDOW) : date("start_date", startDate);
    if (from.isAfter(until)) {
      throw new Open311Exception(400, "start_date 晚于 end_date (start_date is after end_date)");
    }
    if (Duration.between(from, until).compareTo(WINDOW) > 0) {
      throw new Open311Exception(
          400,
          "start_date 至 end_date 不得超过90天 (start_date and end_date may not span more than 90"
              + " days)");
    }
    Boolean closed = closed(status);
    // A gateway's own channel is a criterion of the search, so that other channels' tickets do
    // not take up its MAX_REQUESTS.
    String channel = caller.has(HotlineRole.OPERATOR) ? null : caller.channel();
    if (channel == null && !caller.has(HotlineRole.OPERATOR)) {
      return output.list(200, "service_requests", List.of());
    }
    List<TicketRecord> found;
    if (blank(serviceCodes)) {
      found =
          history.search(
              new TicketHistory.Search(from, until, null, channel, closed, MAX_REQUESTS));
    } else {
      // One search per service, merged in the same order: newest first, at most MAX_REQUESTS.
      found =
          Arrays.stream(serviceCodes.split(","))
              .map(String::strip)
              .distinct()
              .map(this::knownService)
              .flatMap(
                  code ->
                      history
                          .search(
                              new TicketHistory.Search(
                                  from, until, code, channel, closed, MAX_REQUESTS))
                          .stream())
              .sorted(NEWEST_FIRST)
              .limit(MAX_REQUESTS)
              .toList();
    }
    return output.list(200, "service_requests", requests(found));
  }

  /**
   * An operator reads every channel's requests; a channel's gateway only those that came in by its
   * own channel — another channel's appeals, with their words and addresses, are not its to read.
   */
  private static boolean visibleTo(Caller caller, TicketRecord ticket) {
    return caller.has(HotlineRole.OPERATOR)
        || (caller.channel() != null && caller.channel().equals(ticket.ticket().channel()));
  }

  @GetMapping("/requests/{id}.{format}")
  ResponseEntity<String> request(
      @PathVariable String id, @PathVariable String format, Caller caller) {
    var output = Open311Format.of(format);
    var ticket =
        history
            .find(id)
            .filter(found -> visibleTo(caller, found))
            .orElseThrow(
                () ->
                    new Open311Exception(
                        404, "没有编号为 %s 的工单 (no such service request)".formatted(id)));
    return output.list(200, "service_requests", requests(List.of(ticket)));
  }

  @ExceptionHandler
  ResponseEntity<String> open311Error(Open311Exception e, HttpServletRequest request) {
    return Open311Format.of(request).list(e.status(), "errors", e.errors());
  }

  /** The native validation's findings under the specification's parameter names. */
  @ExceptionHandler
  ResponseEntity<String> invalidRequest(InvalidTicketException e, HttpServletRequest request) {
    var errors =
        e.violations().stream()
            .map(
                violation ->
                    Open311Exception.error(
                        400, parameterName(violation.field()) + ": " + violation.message()))
            .toList();
    return Open311Format.of(request).list(400, "errors", errors);
  }

  /** The specification: a service_code that is not one of the services is not found. */
  private String knownService(String serviceCode) {
    if (catalog.topic(serviceCode).isEmpty()) {
      throw new Open311Exception(404, "没有服务「%s」 (service_code not found)".formatted(serviceCode));
    }
    return serviceCode;
  }

  /**
   * Each ticket under the topic intake knows for it: where routing placed it once decided (the
   * operator may have chosen none), the operator's choice until then.
   */
  private List<Map<String, Object>> requests(List<TicketRecord> records) {
    var topics = history.topicsOf(records.stream().map(TicketRecord::ticketNumber).toList());
    return records.stream().map(r -> request(r, topics.get(r.ticketNumber()))).toList();
  }

  private Map<String, Object> request(TicketRecord record, String topicCode) {
    var ticket = record.ticket();
    var request = new LinkedHashMap<String, Object>();
    request.put("service_request_id", record.ticketNumber());
    request.put("status", record.status().closed() ? "closed" : "open");
    request.put(
        "status_notes",
        record.history().isEmpty()
            ? record.status().chineseName()
            : Objects.requireNonNullElse(
                record.history().get(record.history().size() - 1).detail(),
                record.status().chineseName()));
    request.put(
        "service_name",
        topicCode == null ? null : catalog.topic(topicCode).map(Catalog.Topic::name).orElse(null));
    request.put("service_code", topicCode);
    request.put("description", ticket.content());
    request.put(
        "agency_responsible",
        record.agencyResponsible() == null ? null : unitName(record.agencyResponsible()));
    request.put("service_notice", null);
    request.put("requested_datetime", W3C.format(ticket.receivedAt()));
    request.put("updated_datetime", W3C.format(record.updatedAt()));
    request.put(
        "expected_datetime", record.expectedAt() == null ? null : W3C.format(record.expectedAt()));
    request.put("address", ticket.address());
    request.put("address_id", null);
    request.put("zipcode", null);
    request.put("lat", ticket.latitude());
    request.put("long", ticket.longitude());
    request.put(
        "media_url",
        ticket.attachments() == null || ticket.attachments().isEmpty()
            ? null
            : ticket.attachments().get(0));
    return request;
  }

  private String unitName(String unitCode) {
    if (Catalog.DISTRICT_TARGET.equals(unitCode)) {
      return "所在区县人民政府";
    }
    return catalog.unit(unitCode).map(Catalog.Unit::name).orElse(unitCode);
  }

  private static String parameterName(String nativeField) {
    return switch (nativeField) {
      case "content" -> "description";
      case "address" -> "address_string";
      case "topicCode" -> "service_code";
      case "latitude" -> "lat";
      case "longitude" -> "long";
      case "callerPhone" -> "phone";
      case "callerName" -> "first_name";
      case "attachments" -> "media_url";
      default -> nativeField;
    };
  }

  private static String name(Map<String, String> form) {
    var name =
        (Objects.requireNonNullElse(form.get("last_name"), "")
                + Objects.requireNonNullElse(form.get("first_name"), ""))
            .strip();
    return name.isEmpty() ? null : name;
  }

  private static Double coordinate(Map<String, String> form, String parameter) {
    String value = form.get(parameter);
    if (blank(value)) {
      return null;
    }
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      throw new Open311Exception(400, parameter + " 不是数字 (" + parameter + " must be a number)");
    }
  }

  private static OffsetDateTime date(String parameter, String value) {
    OffsetDateTime date;
    try {
      date = OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new Open311Exception(
          400,
          parameter
              + " 须为 ISO 8601 时间，如 2026-01-31T00:00:00+08:00 ("
              + parameter
              + " must be W3C date-time)");
    }
    // What a database can store and compare; +999999999-12-31 is a valid OffsetDateTime.
    if (date.getYear() < 1970 || date.getYear() > 9999) {
      throw new Open311Exception(
          400,
          "%s 须在1970年至9999年之间 (%s must be between the years 1970 and 9999)"
              .formatted(parameter, parameter));
    }
    return date;
  }

  private static Boolean closed(String status) {
    if (blank(status)) {
      return null;
    }
    var wanted = Arrays.stream(status.split(",")).map(String::strip).toList();
    if (!List.of("open", "closed").containsAll(wanted)) {
      throw new Open311Exception(400, "status 只能是 open 或 closed (status must be open or closed)");
    }
    return wanted.size() == 1 ? wanted.contains("closed") : null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
