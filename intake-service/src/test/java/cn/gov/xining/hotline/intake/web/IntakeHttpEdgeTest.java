package cn.gov.xining.hotline.intake.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.testsupport.SignedInAs;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

@SignedInAs("OPERATOR")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-edge;DB_CLOSE_DELAY=-1"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
class IntakeHttpEdgeTest {

  @Autowired MockMvc mvc;

  @Test
  void aBodyLargerThanAnyTicketIsRefusedWith413BeforeItIsRead() throws Exception {
    String huge = "{\"channel\":\"letter\",\"content\":\"" + "长".repeat(40_000) + "\"}";

    mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(huge))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/request-too-large"));
  }

  @Test
  void theNativeApiIsDescribedInOpenApiWithEveryProblemATicketCanMeet() throws Exception {
    var post = "$.paths['/api/tickets'].post.responses";
    var problems =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.info.title").value(Matchers.containsString("intake")))
            .andExpect(jsonPath(post + "['201']").exists());
    for (String status : List.of("400", "409", "413", "415", "422", "429", "503")) {
      problems
          .andExpect(jsonPath(post + "['" + status + "'].description").isNotEmpty())
          .andExpect(
              jsonPath(post + "['" + status + "'].content['application/problem+json'].schema.$ref")
                  .value("#/components/schemas/Problem"));
    }
    problems.andExpect(
        jsonPath("$.components.schemas.Problem.properties.errors.items.properties.field").exists());
  }

  @Test
  void swaggerUiIsServed() throws Exception {
    mvc.perform(get("/swagger-ui/index.html"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(Matchers.containsString("swagger-ui")));
  }
}
