package cn.gov.xining.hotline.intake.web;

import cn.gov.xining.hotline.intake.open311.Open311Errors;
import cn.gov.xining.hotline.security.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * Problem details written by servlet filters, which answer before Spring MVC and its exception
 * handlers are reached; on Open311 paths the specification's error list instead, which is what a
 * city app speaking Open311 can read.
 */
final class ProblemResponses {

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
    ProblemWriter.write(request, response, status, type, title, detail);
  }
}
