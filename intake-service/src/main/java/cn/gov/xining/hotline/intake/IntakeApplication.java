package cn.gov.xining.hotline.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** intake-service: where operators and web channels hand in appeals. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

  public static void main(String[] args) {
    SpringApplication.run(IntakeApplication.class, args);
  }
}
