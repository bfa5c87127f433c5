package cn.gov.xining.hotline.security;

import cn.gov.xining.hotline.contract.HotlineClaims;
import cn.gov.xining.hotline.contract.HotlineRole;
import cn.gov.xining.hotline.contract.Topics;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The resource-server side every service shares. The token's issuer and keys are Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings; the rest is here.
 */
@AutoConfiguration(
    before = {
      ServletWebSecurityAutoConfiguration.class,
      ManagementWebSecurityAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class HotlineSecurityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain hotlineApiSecurity(
      HttpSecurity http,
      ObjectProvider<EndpointAccess> access,
      Converter<Jwt, AbstractAuthenticationToken> tokens,
      AuditTrail audit,
      Refusals refusals,
      SecurityProperties properties)
      throws Exception {
    var problems = new ProblemResponses(refusals);
    http.cors(cors -> cors.configurationSource(readersFrom(properties.corsOrigins())))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            endpoints -> {
              endpoints
                  .requestMatchers("/actuator/health", "/actuator/health/**")
                  .permitAll()
                  .requestMatchers("/actuator/**")
                  .hasRole(HotlineRole.OPERATIONS.name())
                  // The error page answers a request that failed, never one of its own.
                  .dispatcherTypeMatchers(DispatcherType.ERROR)
                  .permitAll()
                  .requestMatchers("/error")
                  .denyAll();
              access.orderedStream().forEach(table -> table.configure(endpoints));
              endpoints.anyRequest().authenticated();
            })
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterAfter(audit, SecurityContextHolderFilter.class);
    return http.build();
  }

  /**
   * Pages of the listed origins may read (GET) {@code /api/**} with a bearer token; nothing else
   * crosses origins. No cookies are involved, so no credentials are allowed.
   */
  private static CorsConfigurationSource readersFrom(List<String> origins) {
    var sources = new UrlBasedCorsConfigurationSource();
    if (!origins.isEmpty()) {
      var readers = new CorsConfiguration();
      readers.setAllowedOrigins(origins);
      readers.setAllowedMethods(List.of("GET", "HEAD"));
      readers.setAllowedHeaders(List.of("Authorization", "Accept", "Accept-Language"));
      readers.setExposedHeaders(List.of("Content-Disposition", "Retry-After"));
      readers.setMaxAge(Duration.ofHours(1));
      sources.registerCorsConfiguration("/api/**", readers);
    }
    return sources;
  }

  @Bean
  Refusals hotlineRefusals(ObjectProvider<RefusalFormat> formats) {
    return new Refusals(formats.orderedStream().toList());
  }

  /**
   * A request Spring Security's firewall refuses (an encoded NUL or line break in the path, a path
   * that walks up with {@code ..}) is a problem like every other refusal, not an empty 400.
   */
  @Bean
  RequestRejectedHandler hotlineRequestRejected(Refusals refusals) {
    return (request, response, rejected) ->
        refusals.write(
            request,
            response,
            HttpStatus.BAD_REQUEST,
            "rejected-request",
            "请求被拒绝 (Request rejected)",
            "请求的路径或请求头含有不允许的字符 (the path or a header holds characters that are not" + " allowed)");
  }

  /** {@code roles: ["UNIT"]} becomes {@code ROLE_UNIT}; the principal's name is {@code sub}. */
  @Bean
  @ConditionalOnMissingBean
  Converter<Jwt, AbstractAuthenticationToken> hotlineTokenConverter() {
    var converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          List<GrantedAuthority> authorities =
              Caller.roles(jwt.getClaim(HotlineClaims.ROLES)).stream()
                  .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                  .toList();
          return authorities;
        });
    return converter;
  }

  @Bean
  AuditTrail hotlineAuditTrail(
      Environment environment,
      SecurityProperties properties,
      KafkaProperties kafka,
      ObjectProvider<KafkaConnectionDetails> connection,
      ObjectProvider<Clock> clock) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    connection.ifAvailable(
        details ->
            config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                details.getProducer().getBootstrapServers()));
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // A request never waits long for an audit entry when the broker is away.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
    config.put(
        ProducerConfig.CLIENT_ID_CONFIG,
        environment.getProperty("spring.application.name", "hotline") + "-audit");
    Producer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    return new AuditTrail(
        environment.getProperty("spring.application.name", "unknown"),
        properties.auditedReads(),
        producer,
        clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The audit filter runs inside the security chain only, not a second time as a servlet filter.
   */
  @Bean
  FilterRegistrationBean<AuditTrail> auditTrailOutsideTheChain(AuditTrail audit) {
    var registration = new FilterRegistrationBean<>(audit);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  NewTopic auditTrailTopic(SecurityProperties properties) {
    return TopicBuilder.name(Topics.AUDIT_TRAIL)
        .partitions(3)
        .config(
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.auditRetention().toMillis()))
        .build();
  }

  @Bean
  WebMvcConfigurer callerArguments() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
      }
    };
  }

  @Bean
  ForbiddenAdvice hotlineForbiddenAdvice() {
    return new ForbiddenAdvice();
  }
}
