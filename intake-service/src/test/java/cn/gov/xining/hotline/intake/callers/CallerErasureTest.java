package cn.gov.xining.hotline.intake.callers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A citizen's numbers never reach a topic or intake's file in clear, and once the retention has
 * passed the caller's number and name are gone for good.
 */
@SignedInAs("OPERATOR")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    })
@EmbeddedKafka(partitions = 3)
@AutoConfigureMockMvc
class CallerErasureTest {

  private static final String PHONE = "13912345678";
  private static final String ID_NUMBER = "630102198503120410";

  @Autowired MockMvc mvc;
  @Autowired CallerErasure erasure;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  /** Intake's database as files, to look into them. */
  static final Path DATA_DIR = temporaryDirectory();

  @DynamicPropertySource
  static void databaseInFiles(DynamicPropertyRegistry registry) {
    registry.add("hotline.data-dir", DATA_DIR::toString);
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:" + DATA_DIR.resolve("intake") + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("intake-erasure");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void noClearNumberReachesATopicOrIntakesFileAndAfterTheRetentionTheCallerIsErased()
      throws Exception {
    // given a caller who gave her number and said it, and her ID number, in the appeal
    String number =
        JsonPath.read(
            mvc.perform(
                    post("/api/tickets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            """
                            {"channel":"hotline-phone","content":"低保没发，身份证%s，电话%s",
                             "callerName":"王女士","callerPhone":"%s"}
                            """
                                .formatted(ID_NUMBER, PHONE, PHONE)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.ticketNumber");
    mvc.perform(get("/api/tickets/" + number + "/caller"))
        .andExpect(jsonPath("$.phone").value(PHONE))
        .andExpect(jsonPath("$.name").value("王女士"));

    // then no topic holds the numbers in clear, nor any file of intake's database
    var probe = new TopicProbe(bootstrapServers);
    try (var admin =
        Admin.create(
            java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (String topic : admin.listTopics().names().get()) {
        assertThat(probe.readAll(topic).toString())
            .as(topic)
            .doesNotContain(PHONE)
            .doesNotContain(ID_NUMBER);
      }
    }
    try (Stream<Path> files = Files.walk(DATA_DIR)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(bytes)
            .as(file.toString())
            .doesNotContain(PHONE)
            .doesNotContain(
                new String(
                    ID_NUMBER.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
      }
    }

    // when the retention has passed
    int erased =
        erasure.eraseReceivedBefore(HotlineTime.now(java.time.Clock.systemUTC()).plusDays(1));

    // then the caller's number and name are gone for good, the ticket stays
    assertThat(erased).isPositive();
    mvc.perform(get("/api/tickets/" + number + "/caller"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").doesNotExist())
        .andExpect(jsonPath("$.name").doesNotExist());
    mvc.perform(get("/api/tickets/" + number)).andExpect(status().isOk());
  }
}
