package cn.gov.xining.hotline.intake;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** intake-service: where operators and web channels hand in appeals. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

  public static void main(String[] args) {
    SpringApplication.run(IntakeApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.system(HotlineTime.ZONE);
  }
}
