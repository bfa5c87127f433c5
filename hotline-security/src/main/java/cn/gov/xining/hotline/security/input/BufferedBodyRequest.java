package cn.gov.xining.hotline.security.input;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;

/** A request whose body, already read and within the limits, is served from memory. */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private final Map<String, String[]> parameters;

  BufferedBodyRequest(HttpServletRequest request, byte[] body) {
    this(request, body, null);
  }

  private BufferedBodyRequest(
      HttpServletRequest request, byte[] body, Map<String, String[]> parameters) {
    super(request);
    this.body = body;
    this.parameters = parameters;
  }

  /**
   * A form post whose fields are the query string's (as the container parses them: the body was
   * read, so it parses no more) followed by the body's, read with Spring's form converter.
   */
  static BufferedBodyRequest form(HttpServletRequest request, byte[] body) throws IOException {
    var fields = new LinkedHashMap<String, List<String>>();
    request
        .getParameterMap()
        .forEach(
            (name, values) ->
                fields.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values)));
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(request.getContentType()));
    var message =
        new HttpInputMessage() {
          @Override
          public InputStream getBody() {
            return new ByteArrayInputStream(body);
          }

          @Override
          public HttpHeaders getHeaders() {
            return headers;
          }
        };
    new FormHttpMessageConverter()
        .read(null, message)
        .forEach(
            (name, values) -> fields.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    var parameters = new LinkedHashMap<String, String[]>();
    fields.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
    return new BufferedBodyRequest(request, body, Collections.unmodifiableMap(parameters));
  }

  @Override
  public String getParameter(String name) {
    if (parameters == null) {
      return super.getParameter(name);
    }
    String[] values = parameters.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters == null ? super.getParameterMap() : parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return parameters == null
        ? super.getParameterNames()
        : Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    return parameters == null ? super.getParameterValues(name) : parameters.get(name);
  }

  @Override
  public ServletInputStream getInputStream() {
    var in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body has been read already");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
  }

  /** The declared charset; UTF-8, the hotline's, when none or an unknown one is declared. */
  private Charset charset() {
    String encoding = getCharacterEncoding();
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }
}
