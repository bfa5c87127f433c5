package cn.gov.xining.hotline.security.input;

import cn.gov.xining.hotline.security.EndpointAccess;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service as small as can be, to try the shared limits on a real Tomcat. */
@SpringBootApplication
class EchoApplication {

  /** A body with nested fields, as a ticket has. */
  record Appeal(String content, String address, String callerPhone, Location location) {}

  record Location(Double latitude, Double longitude) {}

  @RestController
  static class Echo {

    @PostMapping(path = "/api/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
    Appeal appeal(@RequestBody Appeal appeal) {
      return appeal;
    }

    @PostMapping(path = "/api/forms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, List<String>> form(@RequestParam Map<String, String> fields) {
      return Map.of("fields", List.copyOf(fields.keySet()));
    }
  }

  @Bean
  EndpointAccess everyoneMayEcho() {
    return endpoints -> endpoints.requestMatchers("/api/**").permitAll();
  }
}
