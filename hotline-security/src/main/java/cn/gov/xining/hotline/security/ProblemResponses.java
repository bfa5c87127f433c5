package cn.gov.xining.hotline.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problems, Chinese first like every other error of the hotline, with the
 * {@code WWW-Authenticate} header RFC 6750 asks for (Spring's own bearer handlers write it).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
  private final Refusals refusals;

  ProblemResponses(Refusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearerEntryPoint.commence(request, response, e);
    refusals.write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "未登录或令牌无效 (Not signed in)",
        "请求须带有效的 Bearer 令牌 (a valid bearer token from the hotline's identity provider is"
            + " required)");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    bearerDenied.handle(request, response, e);
    refusals.write(
        request, response, HttpStatus.FORBIDDEN, "forbidden", "无权执行此操作 (Forbidden)", detail(e));
  }

  static ProblemDetail forbidden(AccessDeniedException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail(e));
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/forbidden"));
    problem.setTitle("无权执行此操作 (Forbidden)");
    return problem;
  }

  /** Our own refusals explain themselves; Spring's say only "Access Denied". */
  static String detail(AccessDeniedException e) {
    String message = e.getMessage();
    return message == null || message.startsWith("Access Denied")
        ? "你的身份无权访问此资源 (your role does not allow this)"
        : message;
  }
}
