package cn.gov.xining.hotline.endtoend;

import cn.gov.xining.hotline.contract.EventJson;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket from the JDK):
 * open a page, run a script in it, take a screenshot — what a person at the dashboard does, sign-in
 * form included. Written here rather than with Selenium or Playwright: those bring a driver or a
 * browser download of their own, and the three protocol calls needed fit on a page.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final WebSocket page;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, WebSocket page) {
    this.process = process;
    this.page = page;
  }

  /** The browser on this machine's PATH, if there is one. */
  static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        var candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static HeadlessChromium start(Path chromium, Path profile) throws Exception {
    var process =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox", // root in CI
                "--disable-gpu",
                "--no-first-run",
                "--window-size=1280,1000",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolveSibling("chromium.log").toFile())
            .start();
    // Chromium writes the port it chose into its profile directory.
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        process.destroyForcibly();
        throw new IllegalStateException("Chromium did not open its DevTools port");
      }
      Thread.onSpinWait();
    }
    String port = Files.readAllLines(portFile).get(0).strip();
    var targets =
        EventJson.MAPPER.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    String pageUrl = null;
    for (var target : targets) {
      if ("page".equals(target.get("type").asString())) {
        pageUrl = target.get("webSocketDebuggerUrl").asString();
      }
    }
    if (pageUrl == null) {
      throw new IllegalStateException("no page in Chromium: " + targets);
    }
    var holder = new CompletableFuture<HeadlessChromium>();
    var listener = new Replies(holder);
    var socket =
        HTTP.newWebSocketBuilder()
            .buildAsync(URI.create(pageUrl), listener)
            .get(10, TimeUnit.SECONDS);
    var browser = new HeadlessChromium(process, socket);
    holder.complete(browser);
    return browser;
  }

  void open(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
  }

  /** A script's result (awaited if it is a promise), as JSON. */
  JsonNode evaluate(String script) throws Exception {
    var reply =
        call(
            "Runtime.evaluate",
            Map.of("expression", script, "returnByValue", true, "awaitPromise", true));
    return reply.path("result").path("value");
  }

  /** The page's current DOM, as {@code --dump-dom} prints it. */
  String dom() throws Exception {
    return evaluate("document.documentElement.outerHTML").asString();
  }

  void screenshot(Path png) throws Exception {
    var reply = call("Page.captureScreenshot", Map.of("format", "png"));
    Files.write(png, Base64.getDecoder().decode(reply.get("data").asString()));
  }

  private JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    var reply = new CompletableFuture<JsonNode>();
    pending.put(id, reply);
    page.sendText(
            EventJson.MAPPER.writeValueAsString(
                Map.of("id", id, "method", method, "params", params)),
            true)
        .get(10, TimeUnit.SECONDS);
    var answer = reply.get(30, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + ": " + answer.get("error"));
    }
    return answer.path("result");
  }

  @Override
  public void close() throws InterruptedException {
    page.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Collects the protocol's messages and hands each reply to the call that waits for it. */
  private static final class Replies implements WebSocket.Listener {

    private final CompletableFuture<HeadlessChromium> browser;
    private final StringBuilder message = new StringBuilder();

    Replies(CompletableFuture<HeadlessChromium> browser) {
      this.browser = browser;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence part, boolean last) {
      message.append(part);
      if (last) {
        var json = EventJson.MAPPER.readTree(message.toString());
        message.setLength(0);
        if (json.has("id")) {
          browser.thenAccept(
              chromium -> {
                var reply = chromium.pending.remove(json.get("id").asInt());
                if (reply != null) {
                  reply.complete(json);
                }
              });
        }
      }
      socket.request(1);
      return null;
    }
  }
}
