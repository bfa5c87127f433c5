package cn.gov.xining.hotline.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal written by a filter, before Spring MVC: in the format a service declared for the path
 * ({@link RefusalFormat}, e.g. Open311's error list), an RFC 9457 problem otherwise.
 */
public final class Refusals {

  private final List<RefusalFormat> formats;

  public Refusals(List<RefusalFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /**
   * @param type the last segment of the problem type, e.g. {@code request-too-large}
   * @param title Chinese, then English in brackets
   * @param detail Chinese, then English in brackets; what an Open311 app reads as description
   */
  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String title,
      String detail)
      throws IOException {
    for (RefusalFormat format : formats) {
      if (format.appliesTo(request)) {
        format.refuse(request, response, status.value(), detail);
        return;
      }
    }
    ProblemWriter.write(request, response, status, type, title, detail);
  }
}
