package cn.gov.xining.hotline.security.input;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What every service answers for the errors Spring MVC itself meets, so that no client ever reads a
 * bare "Bad Request": a body that is not JSON or has a field of the wrong type, a parameter that is
 * missing or not a date, an unsupported media type or method. Each is an RFC 9457 problem with a
 * hotline type, a Chinese-first title and, where a field or parameter is at fault, {@code errors[]}
 * naming it ({@code field}, {@code message}). A service's own problems class extends this.
 */
public abstract class HotlineProblems extends ResponseEntityExceptionHandler {

  private static final String TYPES = "https://hotline.xining.gov.cn/problems/";

  /** A problem of the hotline's own kind. */
  public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    problem.setTitle(title);
    return problem;
  }

  /** One field's fault, as {@code errors[]} lists it. */
  public static Map<String, String> fieldError(String field, String message) {
    var error = new LinkedHashMap<String, String>();
    error.put("field", field);
    error.put("message", message);
    return error;
  }

  /**
   * Malformed JSON, or a field of the wrong JSON type ({@code "latitude":"abc"}), which Jackson
   * refuses before any validation sees the request: named like a validator's violations.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem;
    if (ex.getCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field = fieldOf(mismatch);
      problem =
          problem(
              HttpStatus.BAD_REQUEST,
              "invalid-request",
              "请求内容不合格 (Invalid request)",
              "字段 %s 的类型不对 (%s has the wrong JSON type)".formatted(field, field));
      problem.setProperty("errors", List.of(fieldError(field, expected(mismatch.getTargetType()))));
    } else {
      problem =
          problem(
              HttpStatus.BAD_REQUEST,
              "malformed-json",
              "请求不是合法的JSON (Malformed JSON)",
              "请求体无法解析为JSON对象%s (the body is not a readable JSON object)"
                  .formatted(where(ex.getCause())));
    }
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String supported = MediaType.toString(ex.getSupportedMediaTypes());
    String given = ex.getContentType() == null ? "none" : ex.getContentType().toString();
    var problem =
        problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "不支持的内容类型 (Unsupported media type)",
            "请以 %s 提交，收到的是 %s (Content-Type must be %s, not %s)"
                .formatted(supported, given, supported, given));
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  /** {@code from=abc} where a date is wanted, {@code days=x} where a number is. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException argument
            ? argument.getName()
            : String.valueOf(ex.getPropertyName());
    var problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-parameter",
            "参数不合格 (Invalid parameter)",
            "参数 %s 的值「%s」不合格 (%s: %s)"
                .formatted(name, ex.getValue(), name, expected(ex.getRequiredType())));
    problem.setProperty("errors", List.of(fieldError(name, expected(ex.getRequiredType()))));
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name = ex.getParameterName();
    var problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "missing-parameter",
            "缺少参数 (Missing parameter)",
            "缺少参数 %s (the parameter %s is required)".formatted(name, name));
    problem.setProperty("errors", List.of(fieldError(name, "必须填写 (required)")));
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  /**
   * Spring's other errors (404, 405, 406, …) keep their status and detail, with a hotline type and
   * a Chinese-first title instead of a bare "about:blank" and "Not Found".
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      var status = HttpStatus.resolve(statusCode.value());
      problem.setType(URI.create(TYPES + (status == null ? "error" : slug(status))));
      problem.setTitle(chineseTitle(statusCode.value(), problem.getTitle()));
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  private static String slug(HttpStatus status) {
    return status.name().toLowerCase().replace('_', '-');
  }

  private static String chineseTitle(int status, String english) {
    String chinese =
        switch (status) {
          case 400 -> "请求不合格";
          case 404 -> "没有这个资源";
          case 405 -> "不支持这种请求方法";
          case 406 -> "无法以所要求的格式回答";
          case 413 -> "请求内容过大";
          case 415 -> "不支持的内容类型";
          default -> "请求未能处理";
        };
    return "%s (%s)".formatted(chinese, english == null ? HttpStatus.valueOf(status) : english);
  }

  /** A JSON path as validators name fields: {@code attachments[0]}, {@code a.b}. */
  public static String fieldOf(JacksonException e) {
    var field = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "类型不对 (wrong type)";
    } else if (Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class)) {
      return "应为数字 (must be a number)";
    } else if (type == Boolean.class || type == boolean.class) {
      return "应为 true 或 false (must be true or false)";
    } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "应为数组 (must be an array)";
    } else if (type == String.class) {
      return "应为文本 (must be a string)";
    } else if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "应为日期，如 2026-01-31 (must be a date such as 2026-01-31)";
    } else if (type.isEnum()) {
      return "应为 %s 之一 (must be one of %s)"
          .formatted(List.of(type.getEnumConstants()), List.of(type.getEnumConstants()));
    }
    return "应为对象 (must be an object)";
  }

  private static String where(Throwable cause) {
    if (cause instanceof JacksonException e && e.getLocation() != null) {
      return "：第%d行第%d列".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
    }
    return "";
  }
}
