package cn.gov.xining.hotline.handling.api;

import java.net.URI;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors as RFC 9457 problem details. */
@RestControllerAdvice
class CaseProblems extends ResponseEntityExceptionHandler {

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
            .map(field -> java.util.Map.of("field", field.getKey(), "message", field.getValue()))
            .toList());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail unknown(UnknownCaseException e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-case", "没有这个工单 (Unknown ticket)", e.getMessage());
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

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/" + type));
    problem.setTitle(title);
    return problem;
  }
}
