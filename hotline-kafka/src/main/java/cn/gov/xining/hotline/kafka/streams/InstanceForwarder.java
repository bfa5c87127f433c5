package cn.gov.xining.hotline.kafka.streams;

import cn.gov.xining.hotline.contract.EventJson;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks another instance of the service over HTTP, as the caller of the request being answered: its
 * {@code Authorization} header goes along unchanged, so the other instance checks the caller's
 * token and role, and what the caller may see there, exactly as it would have here. Every such
 * request carries {@link #FORWARDED_BY}: the instance that gets it answers from its own stores and
 * never passes it on, so a request is forwarded once at most. Another instance that cannot be
 * reached, or says it no longer holds the data, is a 503 {@link InstanceProblem} for the caller.
 */
public class InstanceForwarder {

  /**
   * Marks a request one instance passed to another, naming the one that passed it: it is answered
   * from the receiving instance's own stores and never forwarded again.
   */
  public static final String FORWARDED_BY = "X-Hotline-Forwarded-By";

  /** What of the other instance's answer goes back to the caller; the rest is this instance's. */
  private static final List<String> ANSWER_HEADERS =
      List.of(
          HttpHeaders.CONTENT_TYPE,
          HttpHeaders.CONTENT_DISPOSITION,
          HttpHeaders.RETRY_AFTER,
          HttpHeaders.WWW_AUTHENTICATE,
          HttpHeaders.LOCATION);

  /** What of the caller's request goes to the other instance. */
  private static final List<String> REQUEST_HEADERS =
      List.of(
          HttpHeaders.AUTHORIZATION,
          HttpHeaders.CONTENT_TYPE,
          HttpHeaders.ACCEPT,
          HttpHeaders.ACCEPT_LANGUAGE);

  private final StreamsInstances instances;
  private final RestClient http;

  public InstanceForwarder(StreamsInstances instances, StreamsInstanceProperties properties) {
    this.instances = instances;
    // HTTP/1.1: the JDK client would otherwise offer every plain-text request an h2c upgrade.
    var client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .build();
    var requests = new JdkClientHttpRequestFactory(client);
    requests.setReadTimeout(properties.readTimeout());
    // Spring's converters, so a forwarded body goes as the bytes it is; JSON answers read as the
    // project reads every event, dates keeping the offset they were written with.
    this.http =
        RestClient.builder()
            .requestFactory(requests)
            .configureMessageConverters(
                converters ->
                    converters
                        .registerDefaults()
                        .withJsonConverter(new JacksonJsonHttpMessageConverter(EventJson.MAPPER)))
            .build();
  }

  /** Whether another instance passed this request on to this one. */
  public static boolean isForwarded(HttpServletRequest request) {
    return request.getHeader(FORWARDED_BY) != null;
  }

  /**
   * An interceptor for the endpoints of one key: a request for a key another instance holds is
   * passed to that instance, and its answer, whatever it is, is this request's.
   *
   * @param store the store the endpoints read the key from (its keys are strings)
   * @param pathVariable the path variable that is the key
   */
  public HandlerInterceptor toHolderOf(String store, String pathVariable) {
    return new ForwardToKeyHolder(instances, this, store, pathVariable);
  }

  /**
   * The request as the caller sent it (method, path, query, body), passed to the instance that
   * holds its key, and that instance's answer.
   */
  ResponseEntity<byte[]> forward(HttpServletRequest request, HostInfo holder) throws IOException {
    var uri = sameRequestOn(holder, request);
    byte[] body = request.getInputStream().readAllBytes();
    RestClient.RequestBodySpec forwarded =
        http.method(HttpMethod.valueOf(request.getMethod()))
            .uri(uri)
            .headers(headers -> fromCaller(request, headers));
    if (body.length > 0) {
      forwarded = forwarded.body(body);
    }
    try {
      return forwarded.exchange(
          (sent, answer) -> {
            var headers = new HttpHeaders();
            ANSWER_HEADERS.forEach(
                name -> {
                  var values = answer.getHeaders().get(name);
                  if (values != null) {
                    headers.addAll(name, values);
                  }
                });
            return ResponseEntity.status(answer.getStatusCode())
                .headers(headers)
                .body(answer.getBody().readAllBytes());
          });
    } catch (ResourceAccessException e) {
      // A request that never reached the holder may be sent again; a change that reached it and
      // got no answer may have been made: a retry could make it twice.
      if (HttpMethod.GET.matches(request.getMethod()) || neverConnected(e)) {
        throw InstanceProblem.unreachable(holder, e);
      }
      throw InstanceProblem.noAnswer(holder, e);
    }
  }

  private static boolean neverConnected(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  /**
   * What another instance answers to a GET of {@code path} (a URI template; each variable is
   * encoded whole, a {@code /} included), asked as the caller of the current request.
   *
   * @throws InstanceProblem when it cannot be reached or does not answer 2xx
   */
  public <T> T ask(
      HostInfo instance,
      ParameterizedTypeReference<T> answer,
      String path,
      Object... uriVariables) {
    var uri =
        UriComponentsBuilder.fromUriString(base(instance) + path)
            .encode()
            .buildAndExpand(uriVariables)
            .toUri();
    return get(instance, uri, answer);
  }

  /**
   * What each other instance holding active partitions of the store answers to the current GET
   * request itself (same path and query), each from its own stores; none when the current request
   * was itself forwarded. With this instance's own answer, the answer of every partition.
   */
  public <T> List<T> askOthersTheSame(String store, ParameterizedTypeReference<T> answer) {
    var request = currentRequest();
    if (isForwarded(request)) {
      return List.of();
    }
    var answers = new ArrayList<T>();
    for (var instance : instances.othersHolding(store)) {
      answers.add(get(instance, sameRequestOn(instance, request), answer));
    }
    return answers;
  }

  private <T> T get(HostInfo instance, URI uri, ParameterizedTypeReference<T> answer) {
    var request = currentRequest();
    try {
      return http.get()
          .uri(uri)
          .headers(headers -> fromCaller(request, headers))
          .exchange(
              (sent, response) -> {
                if (response.getStatusCode().is2xxSuccessful()) {
                  return response.bodyTo(answer);
                }
                if (response.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                  throw InstanceProblem.rebalancing();
                }
                throw InstanceProblem.failed(instance, response.getStatusCode());
              });
    } catch (ResourceAccessException e) {
      throw InstanceProblem.unreachable(instance, e);
    }
  }

  private void fromCaller(HttpServletRequest request, HttpHeaders headers) {
    REQUEST_HEADERS.forEach(
        name -> {
          String value = request.getHeader(name);
          if (value != null) {
            headers.set(name, value);
          }
        });
    headers.set(
        FORWARDED_BY, instances.self().map(InstanceProblem::address).orElse("unadvertised"));
  }

  /** The request's path and query, as the caller sent them, on another instance. */
  private static URI sameRequestOn(HostInfo instance, HttpServletRequest request) {
    return URI.create(
        base(instance)
            + request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
  }

  private static String base(HostInfo instance) {
    return "http://" + InstanceProblem.address(instance);
  }

  private static HttpServletRequest currentRequest() {
    if (RequestContextHolder.currentRequestAttributes()
        instanceof ServletRequestAttributes servlet) {
      return servlet.getRequest();
    }
    throw new IllegalStateException("another instance is asked only while answering a request");
  }
}
