package cn.gov.xining.hotline.handling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** handling-service: the single owner of each transferred ticket's handling state. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HandlingApplication {

  public static void main(String[] args) {
    SpringApplication.run(HandlingApplication.class, args);
  }
}
