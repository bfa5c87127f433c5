package cn.gov.xining.hotline.handling.api;

import cn.gov.xining.hotline.security.input.HotlineProblems;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/** Errors as RFC 9457 problem details. */
@RestControllerAdvice
class CaseProblems extends HotlineProblems {

  @ExceptionHandler
  ProblemDetail invalid(InvalidRequestException e) {
    var problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-case-request",
            "请求不合格 (Invalid request)",
            e.getMessage());
    problem.setProperty(
        "errors",
        e.fields().entrySet().stream()
            .map(field -> Map.of("field", field.getKey(), "message", field.getValue()))
            .toList());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail unknown(UnknownCaseException e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-case", "没有这个工单 (Unknown ticket)", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail refused(RefusedException e) {
    var problem =
        problem(
            HttpStatus.CONFLICT,
            "refused",
            "当前状态不允许 (Not allowed in the ticket's current state)",
            e.getMessage());
    problem.setProperty("caseStatus", e.status());
    return problem;
  }

  /**
   * The case can take no more of what was sent: a conflict with the case as it stands, like a
   * refusal, naming the field whose content would have been added.
   */
  @ExceptionHandler
  ProblemDetail caseFull(CaseFullException e) {
    var problem =
        problem(
            HttpStatus.CONFLICT,
            "case-file-full",
            "案卷已达上限 (Case file limit reached)",
            e.getMessage());
    problem.setProperty(
        "errors", List.of(Map.of("field", e.limit().field(), "message", e.limit().message())));
    problem.setProperty("caseStatus", e.status());
    return problem;
  }

  /**
   * A body Jackson cannot bind, e.g. {@code "kind":"FOO"}: named field by field like the other
   * invalid requests, instead of Spring's bare "Failed to read request".
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (!(e.getCause() instanceof JacksonException json) || json.getPath().isEmpty()) {
      return super.handleHttpMessageNotReadable(e, headers, status, request);
    }
    String field = fieldOf(json);
    String message =
        json instanceof InvalidFormatException bad
                && bad.getTargetType() != null
                && bad.getTargetType().isEnum()
            ? "「%s」不是可用的值 (must be one of %s)"
                .formatted(bad.getValue(), Arrays.toString(bad.getTargetType().getEnumConstants()))
            : "格式不对 (cannot be read as this field's type)";
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(invalid(new InvalidRequestException(Map.of(field, message))));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notReady(InvalidStateStoreException e) {
    var problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "cases-not-ready",
            "办理数据正在加载 (Cases not ready)",
            "请稍后重试 (the case store is being loaded: " + e.getMessage() + ")");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "2")
        .body(problem);
  }

  /**
   * Kafka Streams not running at all (a client in {@code ERROR} until it is replaced or the service
   * restarted): the stores cannot be asked, which is the same temporary 503 for a client.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> streamsNotRunning(IllegalStateException e) {
    if (e.getMessage() == null || !e.getMessage().contains("KafkaStreams")) {
      throw e;
    }
    return notReady(new InvalidStateStoreException(e.getMessage()));
  }
}
