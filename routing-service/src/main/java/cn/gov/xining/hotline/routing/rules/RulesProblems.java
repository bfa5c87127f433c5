package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.security.input.HotlineProblems;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the routing API as RFC 9457 problem details; a refused dry run is answered by its own
 * controller.
 */
@RestControllerAdvice
class RulesProblems extends HotlineProblems {

  @ExceptionHandler
  ProblemDetail invalidRuleSet(InvalidRuleSetException e) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "规则集有%d处错误，未生效，原规则集继续使用 (the rule set was refused; the previous one stays active)"
                .formatted(e.problems().size()));
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/invalid-rule-set"));
    problem.setTitle("规则集无效 (Invalid rule set)");
    problem.setProperty("problems", e.problems());
    return problem;
  }
}
