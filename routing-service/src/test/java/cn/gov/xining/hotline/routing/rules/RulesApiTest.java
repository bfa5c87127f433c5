package cn.gov.xining.hotline.routing.rules;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

@SignedInAs("RULES_ADMIN")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "hotline.data-dir=${java.io.tmpdir}/routing-rules-api-${random.uuid}"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
@DirtiesContext
class RulesApiTest {

  @Autowired MockMvc mvc;
  @Autowired ActiveRuleSet rules;

  /** Each test starts from the default rules, whatever another test put. */
  @AfterEach
  void restoreTheDefaultRules() throws Exception {
    rules.replace(
        new ClassPathResource("rules/xining-routing-rules.yaml")
            .getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void onlyTheRulesAdministratorReadsOrChangesTheRulesAndDispatchersMayTryThem() throws Exception {
    var issuer = TestIssuer.shared();
    String dispatcher = "Bearer " + issuer.staff("DISPATCHER");
    String unit = "Bearer " + issuer.unit("hrss");
    String rulesThatCloseWageComplaints =
        """
        version: hostile-1
        rules:
          - id: close-wages
            topic: wage-arrears
            words: [工资]
            outcome: DIRECT
        """;

    mvc.perform(get("/api/routing/rules").header("Authorization", ""))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/routing/rules").header("Authorization", unit))
        .andExpect(status().isForbidden());
    for (String who : new String[] {"", dispatcher, unit}) {
      mvc.perform(
              put("/api/routing/rules")
                  .header("Authorization", who)
                  .contentType("application/yaml")
                  .content(rulesThatCloseWageComplaints))
          .andExpect(status().is4xxClientError());
    }
    mvc.perform(get("/api/routing/rules"))
        .andExpect(jsonPath("$.version").value("xining-2026.11-2"));

    String complaint = "{\"content\":\"包工头拖欠工资两万元。\",\"address\":\"城北区柴达木路\"}";
    mvc.perform(
            post("/api/routing/dry-run")
                .header("Authorization", dispatcher)
                .contentType(MediaType.APPLICATION_JSON)
                .content(complaint))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/routing/dry-run")
                .header("Authorization", unit)
                .contentType(MediaType.APPLICATION_JSON)
                .content(complaint))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/routing/triage").header("Authorization", unit))
        .andExpect(status().isForbidden());
  }

  @Test
  void aDryRunExplainsTheDecisionWithoutPublishingAnything() throws Exception {
    mvc.perform(
            post("/api/routing/dry-run")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"content":"来电人反映在柴达木路旁工地干了四个月，包工头拖欠工资两万元。",
                     "address":"城北区柴达木路","receivedAt":"2026-02-12T10:00:00+08:00"}
                    """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("TRANSFER"))
        .andExpect(jsonPath("$.topicCode").value("wage-arrears"))
        .andExpect(jsonPath("$.primaryUnit").value("hrss"))
        .andExpect(jsonPath("$.assistingUnits[0]").value("gov-630105"))
        .andExpect(jsonPath("$.ruleId").value("wage-arrears"))
        .andExpect(jsonPath("$.ruleSetVersion").value("xining-2026.11-2+model-0"))
        .andExpect(jsonPath("$.wordsHit").value(Matchers.hasItems("欠", "工资")))
        // Five working days after 12 February 2026 run past the Spring Festival holiday.
        .andExpect(jsonPath("$.dueAt").value("2026-02-27T00:00:00+08:00"))
        .andExpect(jsonPath("$.reason").value(Matchers.containsString("城北区")));
  }

  @Test
  void aBrokenRuleSetIsRefusedWithEveryProblemAndTheOldOneStays() throws Exception {
    mvc.perform(
            put("/api/routing/rules")
                .contentType("application/yaml")
                .content(
                    """
                    version: broken-1
                    rules:
                      - id: potholes
                        when: {anyOf: [坑]}
                        then: {topic: potholes}
                      - id: potholes
                        when: {regex: "(("}
                        then: {topic: heating, primary: nobody}
                    """))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/invalid-rule-set"))
        .andExpect(
            jsonPath("$.problems")
                .value(
                    Matchers.hasItems(
                        Matchers.containsString("unknown topic potholes"),
                        Matchers.containsString("id is used twice"),
                        Matchers.containsString("regex does not compile"),
                        Matchers.containsString("unknown primary unit nobody"))));

    mvc.perform(get("/api/routing/rules"))
        .andExpect(jsonPath("$.version").value("xining-2026.11-2"));
  }

  @Test
  void aNewRuleSetTakesEffectWithoutARestart() throws Exception {
    mvc.perform(
            put("/api/routing/rules")
                .contentType("application/yaml")
                .content(
                    """
                    version: test-2
                    rules:
                      - id: everything-about-water
                        when: {anyOf: [水]}
                        then: {topic: water-supply, priority: URGENT}
                    """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value("test-2"));

    mvc.perform(
            post("/api/routing/dry-run")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"content\":\"小区停水了\"}"))
        .andExpect(jsonPath("$.ruleId").value("everything-about-water"))
        .andExpect(jsonPath("$.ruleSetVersion").value("test-2+model-0"))
        .andExpect(jsonPath("$.priority").value("URGENT"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          blank content                | {"content":"   "}                                                    | content
          only an address              | {"address":"城北区柴达木路"}                                              | content
          an unknown appealType        | {"content":"小区停水了","appealType":"GRIEVANCE"}                        | appealType
          the earliest receivedAt      | {"content":"小区停水了","receivedAt":"-999999999-01-01T00:00:00Z"}       | receivedAt
          the latest receivedAt        | {"content":"小区停水了","receivedAt":"+999999999-12-31T23:59:59Z"}       | receivedAt
          a receivedAt that is no time | {"content":"小区停水了","receivedAt":"yesterday"}                        | receivedAt
          an unknown district          | {"content":"工地老板拖欠工资三个月","districtCode":"999999"}                 | districtCode
          an unknown topic             | {"content":"小区停水了","topicCode":"no-such-topic"}                      | topicCode
          an unknown channel           | {"content":"小区停水了","channel":"fax"}                                  | channel
          """)
  void aDryRunTheEngineCannotDecideIsRefusedWith400NamingTheField(
      String what, String body, String field) throws Exception {
    mvc.perform(post("/api/routing/dry-run").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/invalid-request"))
        .andExpect(jsonPath("$.title").value("请求不合格 (Invalid request)"))
        .andExpect(
            jsonPath("$.problems").value(Matchers.hasItem(Matchers.startsWith(field + ": "))));
  }

  @Test
  void aDryRunReportsEveryProblemAtOnce() throws Exception {
    mvc.perform(
            post("/api/routing/dry-run")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"content":"","channel":"fax","districtCode":"999999","topicCode":"x",
                     "appealType":"GRIEVANCE","receivedAt":"+999999999-12-31T23:59:59Z"}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.problems.length()").value(6));
  }

  @Test
  void aRuleWhoseRegexABacktrackingEngineCouldHangOnIsRefusedNamingTheRuleAndTheField()
      throws Exception {
    mvc.perform(
            put("/api/routing/rules")
                .contentType("application/yaml")
                .content(
                    """
                    version: backtracking-1
                    rules:
                      - id: echo
                        when: {regex: '^(a+)+\\1$'}
                        then: {topic: water-supply}
                    """))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.problems")
                .value(Matchers.hasItem(Matchers.startsWith("rule 1 (echo): regex "))));

    mvc.perform(get("/api/routing/rules"))
        .andExpect(jsonPath("$.version").value("xining-2026.11-2"));
  }
}
