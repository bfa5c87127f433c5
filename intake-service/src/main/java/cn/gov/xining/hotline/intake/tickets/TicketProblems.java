package cn.gov.xining.hotline.intake.tickets;

import cn.gov.xining.hotline.intake.idempotency.IdempotencyKeyReusedException;
import cn.gov.xining.hotline.intake.idempotency.InvalidIdempotencyKeyException;
import cn.gov.xining.hotline.intake.idempotency.RequestInProgressException;
import cn.gov.xining.hotline.security.input.HotlineProblems;
import java.net.URI;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as RFC 9457 problem details, titled in Chinese for the operator with English after
 * for integrators. Invalid tickets list every offending field under {@code errors}; so does a body
 * whose field has the wrong JSON type ({@link HotlineProblems}, as every service).
 */
@RestControllerAdvice
class TicketProblems extends HotlineProblems {

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
}
