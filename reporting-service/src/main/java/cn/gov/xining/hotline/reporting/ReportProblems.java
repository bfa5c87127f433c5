package cn.gov.xining.hotline.reporting;

import cn.gov.xining.hotline.security.input.HotlineProblems;
import java.net.URI;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as RFC 9457 problem details. While Kafka Streams starts, rebalances or restores its stores
 * the figures cannot be read; that is a temporary 503, not a server error.
 */
@RestControllerAdvice
class ReportProblems extends HotlineProblems {

  static final URI REPORTS_NOT_READY =
      URI.create("https://hotline.xining.gov.cn/problems/reports-not-ready");

  @ExceptionHandler
  ProblemDetail badDate(java.time.format.DateTimeParseException e) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "日期须为 yyyy-MM-dd 或 today (a date is yyyy-MM-dd or today): " + e.getParsedString());
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/invalid-date"));
    problem.setTitle("日期不合格 (Invalid date)");
    return problem;
  }

  /** A date the calendar cannot reach, e.g. the week of +999999999-12-31. */
  @ExceptionHandler
  ProblemDetail impossibleDate(java.time.DateTimeException e) {
    return badArgument(
        new IllegalArgumentException("日期超出范围 (a date out of range): " + e.getMessage()));
  }

  @ExceptionHandler
  ProblemDetail badArgument(IllegalArgumentException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/invalid-report-request"));
    problem.setTitle("请求不合格 (Invalid request)");
    return problem;
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notReady(InvalidStateStoreException e) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "报表数据正在加载，请稍后重试 (the report stores are being loaded: " + e.getMessage() + ")");
    problem.setType(REPORTS_NOT_READY);
    problem.setTitle("报表暂不可用 (Reports not ready)");
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
