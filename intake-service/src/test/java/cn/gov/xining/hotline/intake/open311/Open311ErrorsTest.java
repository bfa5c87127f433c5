package cn.gov.xining.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class Open311ErrorsTest {

  private final Open311Errors errors = new Open311Errors();

  @Test
  void anUnreadableBodyOnAnOpen311PathIsTheSpecifications400InTheFormatOfItsPath()
      throws Exception {
    var request = new MockHttpServletRequest("POST", "/open311/v2/requests.xml");
    var response = new MockHttpServletResponse();

    var answered = errors.resolveException(request, response, null, unreadable(request));

    assertThat(answered).isNotNull();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("text/xml");
    assertThat(response.getContentAsString())
        .contains("<errors><error><code>400</code><description>请求无法读取");
  }

  @Test
  void theNativeApisErrorsAreLeftToItsProblemDetails() {
    var request = new MockHttpServletRequest("POST", "/api/tickets");
    var response = new MockHttpServletResponse();

    assertThat(errors.resolveException(request, response, null, unreadable(request))).isNull();
    assertThat(response.isCommitted()).isFalse();
  }

  private static HttpMessageNotReadableException unreadable(MockHttpServletRequest request) {
    return new HttpMessageNotReadableException(
        "cannot read", new ServletServerHttpRequest(request));
  }
}
