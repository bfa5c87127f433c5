package cn.gov.xining.hotline.routing.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.util.List;
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
      // A context of its own: its examples are the only ones the model learns from.
      "hotline.test.context=learning-from-dispatches"
    })
@EmbeddedKafka(partitions = 3)
@AutoConfigureMockMvc
class LearningFromDispatchesTest {

  // Pigeons on the roof: no rule knows them and the shipped model is unsure, so they wait in
  // triage; the dispatchers say they are the property manager's.
  static final List<String> PIGEONS =
      List.of(
          "楼顶的鸽子棚招来成群鸽子，鸽粪满天飞",
          "邻居在楼顶养了一大群鸽子，鸽粪落满阳台",
          "楼上养鸽子，鸽毛鸽粪飘进窗户",
          "单元楼顶有人养了上百只鸽子，鸽粪臭气熏天",
          "鸽子棚就搭在楼顶平台上，鸽粪落得到处都是",
          "有住户在楼顶养鸽子，阳台上全是鸽粪",
          "楼顶鸽子成群，鸽粪把太阳能热水器都盖住了");

  static final String NEXT_PIGEONS = "楼顶鸽子棚里的鸽子越养越多，鸽粪弄脏了晾晒的衣服";

  /** The managers' dashboard in the run command, which routing lets read across origins. */
  static final String DASHBOARD = "http://127.0.0.1:8083";

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void aModelTrainedOnTheDispatchersChoicesRoutesTheNextSimilarTicketAndARollbackUndoesIt()
      throws Exception {
    var dispatchers = new Dispatchers(mvc, new TopicProbe(bootstrapServers));

    // Given the shipped model leaves a pigeon complaint to a person.
    String before = dispatchers.decisionOn(NEXT_PIGEONS);
    assertThat(Dispatchers.field(before, "$.outcome")).isEqualTo("TRIAGE");
    assertThat(Dispatchers.field(before, "$.ruleSetVersion")).endsWith("+model-0");

    // And triage operators dispatch similar ones to property management, at least three of them
    // trained on (one in five is held back to evaluate the new version).
    int dispatched = 0;
    int trainedOn = 0;
    while (trainedOn < 3) {
      String number =
          dispatchers.receiveAndDispatch(
              PIGEONS.get(dispatched % PIGEONS.size()), "property-management");
      dispatched++;
      if (!DispatchedExample.heldBack(number)) {
        trainedOn++;
      }
    }
    dispatchers.awaitExamples(dispatched);
    mvc.perform(
            get("/api/routing/model/corrections").header("Authorization", Dispatchers.RULES_ADMIN))
        .andExpect(
            jsonPath("$[0].week").value(org.hamcrest.Matchers.matchesPattern("\\d{4}-W\\d{2}")))
        .andExpect(jsonPath("$[0].proposedRight").value(0));

    // A dispatcher may not train the model, nor list, switch or read its versions, nor read the
    // corrections; nobody unsigned may.
    mvc.perform(post("/api/routing/model/versions")).andExpect(status().isForbidden());
    mvc.perform(get("/api/routing/model/versions")).andExpect(status().isForbidden());
    mvc.perform(post("/api/routing/model/versions/{id}/activate", "model-0"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/routing/model/corrections")).andExpect(status().isForbidden());
    mvc.perform(post("/api/routing/model/versions").header("Authorization", ""))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/routing/model/versions").header("Authorization", ""))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/routing/model/versions/{id}/activate", "model-0")
                .header("Authorization", ""))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/routing/model/corrections").header("Authorization", ""))
        .andExpect(status().isUnauthorized());

    // A manager reads the corrections, from the dashboard's page too (another origin), and
    // nothing else of the model; an operator and a unit not even those.
    String manager = "Bearer " + TestIssuer.shared().staff("MANAGER");
    mvc.perform(
            get("/api/routing/model/corrections")
                .header("Authorization", manager)
                .header("Origin", DASHBOARD))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].corrections").value(org.hamcrest.Matchers.hasItem(dispatched)))
        .andExpect(header().string("Access-Control-Allow-Origin", DASHBOARD));
    mvc.perform(
            options("/api/routing/model/corrections")
                .header("Origin", DASHBOARD)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", DASHBOARD));
    mvc.perform(
            options("/api/routing/model/corrections")
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/routing/model/versions").header("Authorization", manager))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/routing/model/versions").header("Authorization", manager))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/routing/model/versions/{id}/activate", "model-0")
                .header("Authorization", manager))
        .andExpect(status().isForbidden());
    for (String other :
        List.of(TestIssuer.shared().staff("OPERATOR"), TestIssuer.shared().unit("hrss"))) {
      mvc.perform(get("/api/routing/model/corrections").header("Authorization", "Bearer " + other))
          .andExpect(status().isForbidden());
    }

    // When the rules administrator trains a new version.
    mvc.perform(
            post("/api/routing/model/versions").header("Authorization", Dispatchers.RULES_ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value("model-1"))
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.examplesUsed").value(trainedOn))
        .andExpect(jsonPath("$.heldBack").value(dispatched - trainedOn))
        .andExpect(jsonPath("$.previousVersion").value("model-0"))
        .andExpect(jsonPath("$.exampleTicketNumbers.length()").value(trainedOn));

    // Then the next similar ticket goes to property management, by model-1.
    String after = dispatchers.decisionOn(NEXT_PIGEONS);
    assertThat(Dispatchers.field(after, "$.outcome")).isEqualTo("TRANSFER");
    assertThat(Dispatchers.field(after, "$.topicCode")).isEqualTo("property-management");
    assertThat(Dispatchers.field(after, "$.ruleSetVersion")).endsWith("+model-1");

    // And after a rollback to model-0 it waits in triage again.
    mvc.perform(
            post("/api/routing/model/versions/{id}/activate", "model-0")
                .header("Authorization", Dispatchers.RULES_ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"));
    mvc.perform(get("/api/routing/model/versions").header("Authorization", Dispatchers.RULES_ADMIN))
        .andExpect(
            jsonPath("$[?(@.id=='model-1')].status")
                .value(org.hamcrest.Matchers.contains("RETIRED")));
    String rolledBack = dispatchers.decisionOn(NEXT_PIGEONS);
    assertThat(Dispatchers.field(rolledBack, "$.outcome")).isEqualTo("TRIAGE");
    assertThat(Dispatchers.field(rolledBack, "$.ruleSetVersion")).endsWith("+model-0");
  }
}
