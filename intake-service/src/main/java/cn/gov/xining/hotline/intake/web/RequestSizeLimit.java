package cn.gov.xining.hotline.intake.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than any ticket can be (4,000 characters of content and a few
 * fields) with 413 before it is read, so a runaway client cannot tie up the operators' service.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

  /**
   * @param maxRequestSize the largest request body intake reads
   */
  @ConfigurationProperties("hotline.intake.http")
  record Properties(@DefaultValue("64KB") DataSize maxRequestSize) {}

  private final Properties properties;

  RequestSizeLimit(Properties properties) {
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    long limit = properties.maxRequestSize().toBytes();
    if (declared > limit) {
      ProblemResponses.write(
          request,
          response,
          HttpStatus.CONTENT_TOO_LARGE,
          "request-too-large",
          "请求内容过大 (Request too large)",
          "请求内容过大：%d字节，上限%d字节 (the request body is %d bytes; the limit is %d)"
              .formatted(declared, limit, declared, limit));
      return;
    }
    chain.doFilter(request, response);
  }
}
