package cn.gov.xining.hotline.routing.learning;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

@SignedInAs("DISPATCHER")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "hotline.data-dir=${java.io.tmpdir}/routing-learning-${random.uuid}",
      // A context of its own: its wrongly labelled examples must not reach another test's model.
      "hotline.test.context=rejected-model-version"
    })
@EmbeddedKafka(partitions = 3)
@AutoConfigureMockMvc
class RejectedModelVersionTest {

  static final String GARBAGE = "村口垃圾池满了半个月没人拉。";

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void aVersionWorseOnTheHeldBackExamplesIsRejectedAndTheActiveOneStays() throws Exception {
    var dispatchers = new Dispatchers(mvc, new TopicProbe(bootstrapServers));

    // Given garbage complaints dispatched rightly where they are held back, and deliberately
    // wrongly, to water supply, where the model would learn from them.
    int dispatched = 0;
    int heldBack = 0;
    int mislabelled = 0;
    while (heldBack < 1 || mislabelled < 10) {
      String number = dispatchers.receiveInTriage(GARBAGE);
      boolean held = DispatchedExample.heldBack(number);
      dispatchers.dispatch(number, held ? "garbage" : "water-supply");
      dispatched++;
      if (held) {
        heldBack++;
      } else {
        mislabelled++;
      }
    }
    dispatchers.awaitExamples(dispatched);

    // When a new version is trained, then it is rejected for the held-back examples.
    mvc.perform(
            post("/api/routing/model/versions").header("Authorization", Dispatchers.RULES_ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value("model-1"))
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.reason").value(Matchers.containsString("held-back")))
        .andExpect(jsonPath("$.candidate.heldBack").value(0.0))
        .andExpect(jsonPath("$.previous.heldBack").value(100.0));

    // And model-0 still decides, and model-1 cannot be activated by hand.
    mvc.perform(
            post("/api/routing/model/versions/{id}/activate", "model-1")
                .header("Authorization", Dispatchers.RULES_ADMIN))
        .andExpect(status().isConflict());
    mvc.perform(get("/api/routing/model/versions").header("Authorization", Dispatchers.RULES_ADMIN))
        .andExpect(jsonPath("$[?(@.status=='ACTIVE')].id").value(Matchers.contains("model-0")));
  }
}
