package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.AppealType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Checks a request against the catalog and the field limits, collecting every violation. */
@Component
class TicketValidator {

  static final int MAX_CONTENT_CHARACTERS = 4000;
  static final int MAX_ADDRESS_CHARACTERS = 500;

  private final Catalog catalog;

  TicketValidator(Catalog catalog) {
    this.catalog = catalog;
  }

  List<FieldViolation> violations(TicketRequest request) {
    var violations = new ArrayList<FieldViolation>();
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
