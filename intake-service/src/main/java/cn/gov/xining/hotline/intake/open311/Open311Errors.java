package cn.gov.xining.hotline.intake.open311;

import cn.gov.xining.hotline.security.RefusalFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UrlPathHelper;

/**
 * Errors on Open311 paths that no Open311 endpoint answers, in the specification's format rather
 * than the native API's RFC 9457 problems: a city app parses {@code [{"code","description"}]}
 * whatever went wrong. The servlet filters' refusals (413, 429) come through {@link #write}; Spring
 * MVC's own (415, 405, 404, an unreadable body) through this resolver, which runs before the
 * application's {@code @ExceptionHandler}s; the security chain's (401 without a valid token, 403
 * for a role that may not) through {@link RefusalFormat}. Errors an endpoint raises are its own
 * handlers'.
 */
@Component
public class Open311Errors implements HandlerExceptionResolver, RefusalFormat, Ordered {

  /** Whether a request is for the Open311 endpoint, and so answered in its format. */
  public static boolean isOpen311(HttpServletRequest request) {
    return UrlPathHelper.defaultInstance.getLookupPathForRequest(request).startsWith("/open311/");
  }

  /** One error, in the format the request's path asks for. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, int status, String description)
      throws IOException {
    Open311Format.of(request)
        .write(response, status, "errors", List.of(Open311Exception.error(status, description)));
  }

  @Override
  public boolean appliesTo(HttpServletRequest request) {
    return isOpen311(request);
  }

  @Override
  public void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String description)
      throws IOException {
    write(request, response, status, description);
  }

  /** After Spring Boot's error attributes (which only note the error), before everything else. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!isOpen311(request)) {
      return null;
    }
    int status;
    String detail;
    if (ex instanceof ErrorResponse error) {
      status = error.getStatusCode().value();
      detail = Objects.requireNonNullElse(error.getBody().getDetail(), error.getBody().getTitle());
      // e.g. Allow for 405 and Accept for 415: they tell the client what would have worked
      error
          .getHeaders()
          .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    } else if (ex instanceof HttpMessageNotReadableException) {
      status = 400;
      detail = "the request body could not be read";
    } else {
      return null; // an endpoint's own error, or a failure: the other resolvers decide
    }
    try {
      write(request, response, status, chinese(status) + " (" + detail + ")");
    } catch (IOException clientGone) {
      // Nobody left to tell: the error is answered as far as it can be.
    }
    return new ModelAndView(); // answered
  }

  private static String chinese(int status) {
    return switch (status) {
      case 400 -> "请求无法读取";
      case 404 -> "没有这个资源";
      case 405 -> "不支持这种请求方法";
      case 406 -> "无法以所要求的格式回答";
      case 413 -> "请求内容过大";
      case 415 -> "不支持的内容类型，请以 application/x-www-form-urlencoded 表单提交";
      default -> "请求有误";
    };
  }
}
