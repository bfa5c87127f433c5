package cn.gov.xining.hotline.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal decided inside a controller (a body naming another unit, a case of another unit) is a
 * 403 problem too, before any service's catch-all handler could call it a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForbiddenAdvice {

  @ExceptionHandler
  ProblemDetail forbidden(AccessDeniedException e) {
    return ProblemResponses.forbidden(e);
  }
}
