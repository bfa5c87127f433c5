package cn.gov.xining.hotline.security.input;

import cn.gov.xining.hotline.security.HotlineSecurityAutoConfiguration;
import cn.gov.xining.hotline.security.Refusals;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** {@link HttpLimits} and strict JSON bodies for every service's REST API. */
@AutoConfiguration(after = HotlineSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpLimits.class)
public class RequestLimitsAutoConfiguration {

  @Bean
  ServerLimits hotlineServerLimits(HttpLimits limits) {
    return new ServerLimits(limits);
  }

  /** After the security chain (order -100): a caller who may not post is refused unread. */
  @Bean
  FilterRegistrationBean<RequestBodyLimit> hotlineRequestBodyLimit(
      HttpLimits limits, Refusals refusals) {
    var registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits, refusals));
    registration.setOrder(0);
    return registration;
  }

  @Bean
  JsonMapperBuilderCustomizer hotlineUnknownFields() {
    return builder -> builder.addHandler(new UnknownFieldCollector());
  }

  @Bean
  UnknownFieldsAdvice hotlineUnknownFieldsAdvice() {
    return new UnknownFieldsAdvice();
  }
}
