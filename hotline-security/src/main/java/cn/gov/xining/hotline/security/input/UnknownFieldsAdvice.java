package cn.gov.xining.hotline.security.input;

import cn.gov.xining.hotline.security.input.UnknownFieldCollector.UnknownField;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a JSON body that names fields its endpoint does not know, with a 400 listing each one and
 * the known field it probably meant: the schemas are strict, so a misspelt {@code calerPhone} is an
 * error the client hears about, not a caller who can no longer be called back.
 */
@RestControllerAdvice
class UnknownFieldsAdvice extends RequestBodyAdviceAdapter {

  static final URI TYPE = URI.create("https://hotline.xining.gov.cn/problems/unknown-fields");

  /** The fields named, for the problem's {@code errors}. */
  static final class UnknownFieldsException extends RuntimeException {
    private final List<UnknownField> fields;

    UnknownFieldsException(List<UnknownField> fields) {
      super("unknown fields " + fields);
      // Alphabetical: the order Jackson meets them in depends on how the type is built.
      this.fields = fields.stream().sorted(Comparator.comparing(UnknownField::field)).toList();
    }
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage message,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    UnknownFieldCollector.start();
    return message;
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage message,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    List<UnknownField> unknown = UnknownFieldCollector.finish();
    if (!unknown.isEmpty()) {
      throw new UnknownFieldsException(unknown);
    }
    return body;
  }

  @Override
  public Object handleEmptyBody(
      Object body,
      HttpInputMessage message,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    UnknownFieldCollector.finish();
    return body;
  }

  @ExceptionHandler
  ProblemDetail unknownFields(UnknownFieldsException e) {
    String named =
        e.fields.stream().map(UnknownFieldsAdvice::named).collect(Collectors.joining("、"));
    String namedEn =
        e.fields.stream().map(UnknownFieldsAdvice::namedEn).collect(Collectors.joining(", "));
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "未知字段：%s (unknown fields: %s)".formatted(named, namedEn));
    problem.setType(TYPE);
    problem.setTitle("请求含有未知字段 (Unknown fields)");
    problem.setProperty("errors", e.fields.stream().map(UnknownFieldsAdvice::error).toList());
    return problem;
  }

  private static Map<String, String> error(UnknownField field) {
    var error = new LinkedHashMap<String, String>();
    error.put("field", field.field());
    error.put(
        "message",
        field.didYouMean() == null
            ? "未知字段 (unknown field)"
            : "未知字段，是否应为 %s？ (unknown field; did you mean %s?)"
                .formatted(field.didYouMean(), field.didYouMean()));
    if (field.didYouMean() != null) {
      error.put("didYouMean", field.didYouMean());
    }
    return error;
  }

  private static String named(UnknownField field) {
    return field.didYouMean() == null
        ? field.field()
        : "%s（是否应为 %s？）".formatted(field.field(), field.didYouMean());
  }

  private static String namedEn(UnknownField field) {
    return field.didYouMean() == null
        ? field.field()
        : "%s (did you mean %s?)".formatted(field.field(), field.didYouMean());
  }
}
