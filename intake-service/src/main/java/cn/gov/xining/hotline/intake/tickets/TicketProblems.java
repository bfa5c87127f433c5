package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.intake.idempotency.IdempotencyKeyReusedException;
import cn.gov.xining.hotline.intake.idempotency.InvalidIdempotencyKeyException;
import cn.gov.xining.hotline.intake.idempotency.RequestInProgressException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details. Malformed JSON (400) and a wrong media type (415) come
 * from Spring's own handler; invalid tickets list every offending field under {@code errors}.
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

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/" + type));
    problem.setTitle(title);
    return problem;
  }
}
