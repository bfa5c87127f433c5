package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.intake.idempotency.IdempotencyKeyReusedException;
import cn.gov.xining.hotline.intake.idempotency.InvalidIdempotencyKeyException;
import cn.gov.xining.hotline.intake.idempotency.RequestInProgressException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error as RFC 9457 problem details, titled in Chinese for the operator with English after
 * for integrators. Invalid tickets list every offending field under {@code errors}; so does a body
 * whose field has the wrong JSON type. Spring's other errors keep its own wording.
 */
@RestControllerAdvice
class TicketProblems extends ResponseEntityExceptionHandler {

  static final URI INVALID_TICKET =
      URI.create("https://hotline.xining.gov.cn/problems/invalid-ticket");

  @ExceptionHandler
  ProblemDetail invalidTicket(InvalidTicketException e) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "工单有%d处不符合要求 (%d invalid fields)"
                .formatted(e.violations().size(), e.violations().size()));
    problem.setType(INVALID_TICKET);
    problem.setTitle("工单内容不合格 (Invalid ticket)");
    problem.setProperty("errors", e.violations());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail unknownTicket(UnknownTicketException e) {
    return problem(
        HttpStatus.NOT_FOUND, "unknown-ticket", "没有这个工单 (Unknown ticket)", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "idempotency-key-reused",
        "幂等键已用于另一请求 (Idempotency-Key reused)",
        e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail requestInProgress(RequestInProgressException e) {
    return problem(
        HttpStatus.CONFLICT,
        "request-in-progress",
        "同一请求正在处理 (Request in progress)",
        e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail invalidIdempotencyKey(InvalidIdempotencyKeyException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-idempotency-key",
        "幂等键不合格 (Invalid Idempotency-Key)",
        e.getMessage());
  }

  /**
   * Malformed JSON, or a field of the wrong JSON type ({@code "latitude":"abc"}), which Jackson
   * refuses before the validator sees the request: named like the validator's violations.
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
      problem.setProperty("errors", List.of(wrongType(field, mismatch.getTargetType())));
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

  /**
   * intake's database cannot be reached or is overloaded: nothing was accepted, and the same
   * request may be sent again shortly (with its Idempotency-Key, if it has one).
   */
  @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
  ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "store-unavailable",
                "受理暂不可用 (Service unavailable)",
                "工单库暂不可用，未受理，请稍后重试 (intake's database is unavailable; nothing was"
                    + " accepted, retry shortly)"));
  }

  /** A JSON path as the validator names fields: {@code attachments[0]}, {@code a.b}. */
  private static String fieldOf(JacksonException e) {
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

  private static FieldViolation wrongType(String field, Class<?> type) {
    // Codes (channel, appealType, …) are strings the validator checks, naming what is allowed.
    String expected;
    if (type == null) {
      expected = "类型不对 (wrong type)";
    } else if (Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class)) {
      expected = "应为数字 (must be a number)";
    } else if (type == Boolean.class || type == boolean.class) {
      expected = "应为 true 或 false (must be true or false)";
    } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      expected = "应为数组 (must be an array)";
    } else if (type == String.class) {
      expected = "应为文本 (must be a string)";
    } else {
      expected = "应为对象 (must be an object)";
    }
    return FieldViolation.of(field, expected);
  }

  private static String where(Throwable cause) {
    if (cause instanceof JacksonException e && e.getLocation() != null) {
      return "：第%d行第%d列".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
    }
    return "";
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/" + type));
    problem.setTitle(title);
    return problem;
  }
}
