package cn.gov.xining.hotline.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A service's own error format for some of its paths, used for 401 and 403 there instead of RFC
 * 9457 problems: an Open311 city app parses the specification's {@code [{"code","description"}]}
 * whatever went wrong, a refused sign-in included. A bean of this type is picked up by the security
 * chain; the {@code WWW-Authenticate} header is written either way.
 */
public interface RefusalFormat {

  /** Whether this format answers the request. */
  boolean appliesTo(HttpServletRequest request);

  /** Writes the refusal; {@code description} is Chinese first, English in brackets. */
  void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String description)
      throws IOException;
}
