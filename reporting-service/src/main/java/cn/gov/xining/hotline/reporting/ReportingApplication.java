package cn.gov.xining.hotline.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** reporting-service: the figures managers read every day. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportingApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReportingApplication.class, args);
  }
}
