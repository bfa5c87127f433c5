package cn.gov.xining.hotline.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** routing-service: decides where each received ticket goes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RoutingApplication {

  public static void main(String[] args) {
    SpringApplication.run(RoutingApplication.class, args);
  }
}
