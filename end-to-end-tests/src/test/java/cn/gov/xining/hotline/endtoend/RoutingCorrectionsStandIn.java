package cn.gov.xining.hotline.endtoend;

import cn.gov.xining.hotline.contract.EventJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * routing-service's {@code GET /api/routing/model/corrections} for the dashboard tests: it answers
 * what the test gives it, to a bearer token with the {@code MANAGER} role only, and across origins
 * to the dashboard's page only (a preflight first, as routing's CORS does).
 *
 * <p>A stand-in, not routing itself: a routing process would also decide the tickets these tests
 * write routing's decisions for. Routing's own access rule and CORS for this endpoint are tested in
 * routing-service ({@code LearningFromDispatchesTest}). The token's signature is not checked here;
 * its roles are read, so a page that sent another token would be refused.
 */
final class RoutingCorrectionsStandIn implements AutoCloseable {

  private static final String PATH = "/api/routing/model/corrections";

  private final HttpServer server;
  private final List<String> callers = new CopyOnWriteArrayList<>();
  private volatile String origin;
  private volatile String corrections = "[]";
  private volatile int status = 200;

  private RoutingCorrectionsStandIn(HttpServer server) {
    this.server = server;
  }

  static RoutingCorrectionsStandIn start() throws IOException {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    var standIn = new RoutingCorrectionsStandIn(server);
    server.createContext(PATH, standIn::handle);
    server.start();
    return standIn;
  }

  /** What the dashboard is told routing is ({@code hotline.dashboard.routing-url}). */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The one page origin allowed to read across origins: reporting's. */
  void allowOrigin(String origin) {
    this.origin = origin;
  }

  /** Answers these weeks, as routing's JSON, from now on. */
  void answer(String json) {
    this.corrections = json;
    this.status = 200;
  }

  /** Answers this status to every read from now on, as routing refusing or failing would. */
  void fail(int status) {
    this.status = status;
  }

  /** The subject and roles of every token it was read with, e.g. {@code manager [MANAGER]}. */
  List<String> callers() {
    return List.copyOf(callers);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var request = exchange.getRequestHeaders();
      boolean fromTheDashboard = origin != null && origin.equals(request.getFirst("Origin"));
      if (exchange.getRequestMethod().equals("OPTIONS")) {
        if (!fromTheDashboard || !"GET".equals(request.getFirst("Access-Control-Request-Method"))) {
          send(exchange, 403, "");
          return;
        }
        var headers = exchange.getResponseHeaders();
        headers.add("Access-Control-Allow-Origin", origin);
        headers.add("Access-Control-Allow-Methods", "GET,HEAD");
        headers.add("Access-Control-Allow-Headers", "Authorization, Accept, Accept-Language");
        headers.add("Vary", "Origin");
        send(exchange, 200, "");
        return;
      }
      if (fromTheDashboard) {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
      }
      String caller = caller(request.getFirst("Authorization"));
      if (caller == null) {
        send(exchange, 401, "");
      } else if (!caller.contains("MANAGER")) {
        send(exchange, 403, "");
      } else if (status != 200) {
        send(exchange, status, "");
      } else {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        send(exchange, 200, corrections);
      }
    }
  }

  /** "subject [ROLES]" of a bearer token, recorded; null without one. */
  private String caller(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String[] parts = authorization.substring("Bearer ".length()).split("\\.");
    if (parts.length != 3) {
      return null;
    }
    var claims = EventJson.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    String caller = claims.path("sub").asString() + " " + claims.path("roles");
    callers.add(caller);
    return caller;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
