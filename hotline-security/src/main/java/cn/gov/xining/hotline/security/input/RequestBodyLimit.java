package cn.gov.xining.hotline.security.input;

import cn.gov.xining.hotline.security.Refusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's body, at most {@link HttpLimits#maxRequestSize()} of it within {@link
 * HttpLimits#bodyReadTimeout()}, before anything else does: a declared length over the limit is
 * refused unread, a chunked body the moment it passes the limit (413), a body still arriving at the
 * deadline with 408. What passes is handed on from memory, so no endpoint reads an unbounded
 * stream. Form posts are parsed by Tomcat under the same limit (its {@code maxPostSize}).
 */
class RequestBodyLimit extends OncePerRequestFilter {

  private static final int CHUNK = 8192;

  private final HttpLimits limits;
  private final Refusals refusals;

  RequestBodyLimit(HttpLimits limits, Refusals refusals) {
    this.limits = limits;
    this.refusals = refusals;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limits.maxRequestSize().toBytes();
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(request, response, "%d字节".formatted(declared), declared + " bytes");
      return;
    }
    boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    if (declared <= 0 && !chunked) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      body = read(request.getInputStream(), limit);
    } catch (BodyTooLarge e) {
      tooLarge(request, response, "超过上限", "over the limit");
      return;
    } catch (BodyTooSlow | SocketTimeoutException e) {
      response.setHeader(HttpHeaders.CONNECTION, "close");
      long seconds = limits.bodyReadTimeout().toSeconds();
      refusals.write(
          request,
          response,
          HttpStatus.REQUEST_TIMEOUT,
          "request-timeout",
          "请求发送过慢 (Request timeout)",
          "请求体未能在%d秒内收完 (the request body did not arrive within %d s)".formatted(seconds, seconds));
      return;
    }
    // A form is read here too, under the same deadline, and its fields parsed from memory:
    // Tomcat's own form parsing waits on a slow client without any overall limit.
    chain.doFilter(
        isForm(request)
            ? BufferedBodyRequest.form(request, body)
            : new BufferedBodyRequest(request, body),
        response);
  }

  private byte[] read(InputStream in, long limit) throws IOException {
    long deadline = System.nanoTime() + limits.bodyReadTimeout().toNanos();
    var body = new ByteArrayOutputStream((int) Math.min(limit, CHUNK));
    var chunk = new byte[CHUNK];
    int n;
    while ((n = in.read(chunk)) != -1) {
      if (body.size() + n > limit) {
        throw new BodyTooLarge();
      }
      body.write(chunk, 0, n);
      if (System.nanoTime() > deadline) {
        throw new BodyTooSlow();
      }
    }
    return body.toByteArray();
  }

  private void tooLarge(
      HttpServletRequest request, HttpServletResponse response, String sizeZh, String sizeEn)
      throws IOException {
    // The rest of the body stays unread: the connection cannot carry another request.
    response.setHeader(HttpHeaders.CONNECTION, "close");
    long limit = limits.maxRequestSize().toBytes();
    refusals.write(
        request,
        response,
        HttpStatus.CONTENT_TOO_LARGE,
        "request-too-large",
        "请求内容过大 (Request too large)",
        "请求内容过大：%s，上限%d字节 (the request body is %s; the limit is %d bytes)"
            .formatted(sizeZh, limit, sizeEn, limit));
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
    } catch (IllegalArgumentException unreadableType) {
      return false; // Spring MVC answers 415 for it
    }
  }

  private static final class BodyTooLarge extends IOException {}

  private static final class BodyTooSlow extends IOException {}
}
