package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.AppealType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks a request against the catalog and the field limits, collecting every violation. */
@Component
class TicketValidator {

  static final int MAX_CONTENT_CHARACTERS = 4000;
  static final int MAX_ADDRESS_CHARACTERS = 500;

  static final int MAX_ATTACHMENTS = 10;
  private static final Pattern PHONE = Pattern.compile("^(1[3-9]\\d{9}|0\\d{9,11}|\\d{7,8})$");
  private static final Duration OLDEST_RECEIVED = Duration.ofDays(30);
  // Text is what a person typed or said: line breaks and tabs, never other control characters.
  private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

  private final Catalog catalog;
  private final Clock clock;

  TicketValidator(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  List<FieldViolation> violations(TicketRequest request) {
    var violations = new ArrayList<FieldViolation>();
    checkOptionalFields(request, violations);
    if (isBlank(request.channel())) {
      violations.add(FieldViolation.of("channel", "必须填写来源渠道 (channel is required)"));
    } else {
      checkCode(
          "channel",
          request.channel(),
          "来源渠道",
          catalog::channel,
          catalog.channels().stream().map(Catalog.Channel::code).toList(),
          violations);
    }
    if (isBlank(request.content())) {
      violations.add(FieldViolation.of("content", "诉求内容不能为空 (content is required)"));
    } else {
      checkLength("content", "诉求内容", request.content(), MAX_CONTENT_CHARACTERS, violations);
    }
    if (request.address() != null) {
      checkLength("address", "地址", request.address(), MAX_ADDRESS_CHARACTERS, violations);
    }
    if (request.appealType() != null) {
      var types = Arrays.stream(AppealType.values()).map(Enum::name).toList();
      if (!types.contains(request.appealType())) {
        violations.add(
            new FieldViolation(
                "appealType",
                "未知的诉求类型「%s」 (unknown appeal type)".formatted(request.appealType()),
                types));
      }
    }
    if (request.districtCode() != null) {
      checkCode(
          "districtCode",
          request.districtCode(),
          "区县代码",
          catalog::district,
          catalog.districts().stream().map(Catalog.District::code).toList(),
          violations);
    }
    if (request.topicCode() != null) {
      checkCode(
          "topicCode",
          request.topicCode(),
          "诉求分类",
          catalog::topic,
          catalog.topics().stream().map(Catalog.Topic::code).toList(),
          violations);
    }
    return violations;
  }

  private void checkOptionalFields(TicketRequest request, List<FieldViolation> violations) {
    if (request.receivedAt() != null) {
      try {
        var receivedAt = OffsetDateTime.parse(request.receivedAt());
        var now = OffsetDateTime.now(clock);
        if (receivedAt.isAfter(now.plusMinutes(5))
            || receivedAt.isBefore(now.minus(OLDEST_RECEIVED))) {
          violations.add(
              FieldViolation.of(
                  "receivedAt", "受理时间须在30天内且不晚于现在 (within the last 30 days, not in the future)"));
        }
      } catch (DateTimeParseException e) {
        violations.add(
            FieldViolation.of(
                "receivedAt", "受理时间格式应为 2026-01-31T09:15:30+08:00 (ISO-8601 with offset)"));
      }
    }
    if (request.callerPhone() != null
        && !PHONE
            .matcher(request.callerPhone().replaceAll("[\\s-]", "").replaceFirst("^\\+?86", ""))
            .matches()) {
      violations.add(FieldViolation.of("callerPhone", "电话号码格式不正确 (a mobile or landline number)"));
    }
    if (request.callerName() != null) {
      checkLength("callerName", "来电人姓名", request.callerName(), 50, violations);
    }
    if ((request.latitude() == null) != (request.longitude() == null)) {
      violations.add(
          FieldViolation.of("latitude", "经纬度须同时填写 (latitude and longitude go together)"));
    } else if (request.latitude() != null
        && (!Double.isFinite(request.latitude()) || !Double.isFinite(request.longitude()))) {
      // "NaN" and "Infinity" are numbers to Jackson, and Math.abs(NaN) > 90 is false.
      violations.add(
          FieldViolation.of(
              "latitude", "经纬度须为有限的数值 (latitude and longitude must be finite numbers)"));
    } else if (request.latitude() != null
        && (Math.abs(request.latitude()) > 90 || Math.abs(request.longitude()) > 180)) {
      violations.add(FieldViolation.of("latitude", "经纬度超出范围 (out of range)"));
    }
    if (request.isAnsweredOnCall() && isBlank(request.answer())) {
      violations.add(
          FieldViolation.of("answer", "当场答复的工单须填写答复内容 (required when answered on the call)"));
    }
    if (request.answer() != null) {
      checkLength("answer", "答复内容", request.answer(), 2000, violations);
    }
    if (request.batchLabel() != null) {
      checkLength("batchLabel", "批次", request.batchLabel(), 50, violations);
    }
    if (request.attachments() != null) {
      if (request.attachments().size() > MAX_ATTACHMENTS) {
        violations.add(FieldViolation.of("attachments", "附件最多10个 (at most 10)"));
      }
      if (request.attachments().stream()
          .anyMatch(
              link -> link == null || link.length() > 500 || !link.matches("^https?://\\S+$"))) {
        violations.add(
            FieldViolation.of("attachments", "附件须为 http(s) 链接 (links must be http or https URLs)"));
      }
    }
  }

  private static void checkCode(
      String field,
      String value,
      String label,
      Function<String, Optional<?>> lookup,
      List<String> allowed,
      List<FieldViolation> violations) {
    if (lookup.apply(value).isEmpty()) {
      violations.add(
          new FieldViolation(
              field, "未知的%s「%s」 (unknown %s)".formatted(label, value, field), allowed));
    }
  }

  private static void checkLength(
      String field, String label, String value, int max, List<FieldViolation> violations) {
    if (CONTROL_CHARACTERS.matcher(value).find()) {
      violations.add(
          FieldViolation.of(
              field, "%s含有不可见的控制字符 (%s contains control characters)".formatted(label, field)));
    }
    // Characters as a reader counts them: a rare CJK ideograph outside the BMP counts once.
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      violations.add(
          FieldViolation.of(
              field,
              "%s最多%d字，当前%d字 (%s is at most %d characters)"
                  .formatted(label, max, length, field, max)));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
