package cn.gov.xining.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.contract.EventJson;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What every answer to a hostile request must be: never a server error, and a refusal is an RFC
 * 9457 problem a client can read — a type, a title, and each field it found fault with named.
 */
public final class CleanAnswers {

  private CleanAnswers() {}

  /** Asserts the answer to {@code sent} is clean; returns its status. */
  public static int assertClean(MvcResult result, Object sent) throws Exception {
    var response = result.getResponse();
    int status = response.getStatus();
    assertThat(status).as("status for %s", sent).isLessThan(500);
    if (status >= 400) {
      assertThat(response.getContentType())
          .as("content type for %s", sent)
          .isNotNull()
          .satisfies(
              type ->
                  assertThat(MediaType.parseMediaType(type))
                      .matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith));
      var problem = EventJson.MAPPER.readTree(response.getContentAsString(StandardCharsets.UTF_8));
      assertThat(problem.path("type").asString()).as("type for %s", sent).isNotBlank();
      assertThat(problem.path("title").asString()).as("title for %s", sent).isNotBlank();
      for (var error : problem.path("errors")) {
        assertThat(error.path("field").asString())
            .as("each error names its field, for %s", sent)
            .isNotBlank();
      }
    }
    return status;
  }
}
