package cn.gov.xining.hotline.intake.web;

import cn.gov.xining.hotline.intake.open311.Open311Errors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details written by servlet filters, which answer before Spring MVC and its exception
 * handlers are reached; on Open311 paths the specification's error list instead, which is what a
 * city app speaking Open311 can read.
 */
final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String title,
      String detail)
      throws IOException {
    if (Open311Errors.isOpen311(request)) {
      Open311Errors.write(request, response, status.value(), detail);
      return;
    }
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/" + type));
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), problem);
  }
}
