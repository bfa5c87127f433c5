package cn.gov.xining.hotline.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * identity-provider: the hotline's own OpenID Connect provider for development and for the run
 * command. Spring Authorization Server does the protocol; this module only says who exists.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

  public static void main(String[] args) {
    SpringApplication.run(IdentityProviderApplication.class, args);
  }
}
