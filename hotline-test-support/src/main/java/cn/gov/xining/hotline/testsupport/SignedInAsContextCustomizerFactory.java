package cn.gov.xining.hotline.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.ClassUtils;

/** Registered in {@code META-INF/spring.factories}; see {@link SignedInAs}. */
public final class SignedInAsContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    var signedIn = AnnotatedElementUtils.findMergedAnnotation(testClass, SignedInAs.class);
    if (signedIn == null) {
      return new Customizer(null, null, null);
    }
    return new Customizer(
        signedIn.value(),
        signedIn.unit().isEmpty() ? null : signedIn.unit(),
        signedIn.channel().isEmpty() ? null : signedIn.channel());
  }

  private record Customizer(String role, String unit, String channel) implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
      var issuer = TestIssuer.shared();
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource("test-issuer", Map.of("hotline.issuer", issuer.issuer())));
      if (role == null
          || !ClassUtils.isPresent(
              "org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer",
              context.getClassLoader())) {
        return;
      }
      String token;
      if (unit != null) {
        token = issuer.token("unit-" + unit, List.of(role), unit, null);
      } else if (channel != null) {
        token = issuer.token("gateway-" + channel, List.of(role), null, channel);
      } else {
        token = issuer.staff(role);
      }
      MockMvcBuilderCustomizer bearer =
          builder ->
              builder.defaultRequest(
                  MockMvcRequestBuilders.get("/").header("Authorization", "Bearer " + token));
      context.getBeanFactory().registerSingleton("signedInAs" + role, bearer);
    }
  }
}
