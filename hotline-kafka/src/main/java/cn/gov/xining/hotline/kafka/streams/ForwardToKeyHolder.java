package cn.gov.xining.hotline.kafka.streams;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Passes a request for one key to the instance that holds the key's partition, and answers with
 * what that instance answered; a request for a key this instance holds goes on to its endpoint. It
 * runs after the security chain, so the caller was checked here too; the holder checks again, with
 * the same token, and decides what this caller may see of the key. A forwarded request that finds
 * the key held elsewhere arrived during a rebalance: 503, never a second hop.
 */
final class ForwardToKeyHolder implements HandlerInterceptor {

  private static final Serializer<String> KEYS = Serdes.String().serializer();

  private final StreamsInstances instances;
  private final InstanceForwarder forwarder;
  private final String store;
  private final String pathVariable;

  ForwardToKeyHolder(
      StreamsInstances instances, InstanceForwarder forwarder, String store, String pathVariable) {
    this.instances = instances;
    this.forwarder = forwarder;
    this.store = store;
    this.pathVariable = pathVariable;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    // A CORS pre-flight is answered here, by whichever instance gets it.
    if (!(handler instanceof HandlerMethod)) {
      return true;
    }
    @SuppressWarnings("unchecked")
    var variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String key = variables == null ? null : variables.get(pathVariable);
    if (key == null) {
      return true;
    }
    var holder = instances.otherHolderOf(store, key, KEYS);
    if (holder.isEmpty()) {
      return true;
    }
    if (InstanceForwarder.isForwarded(request)) {
      throw InstanceProblem.rebalancing();
    }
    var answer = forwarder.forward(request, holder.get());
    response.setStatus(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    if (answer.getBody() != null) {
      response.getOutputStream().write(answer.getBody());
    }
    return false;
  }
}
