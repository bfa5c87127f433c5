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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket from the JDK):
 * open a page, run a script in it, take a screenshot, let it save a download — what a person at the
 * dashboard does, sign-in form included. Written here rather than with Selenium or Playwright:
 * those bring a driver or a browser download of their own, and the few protocol calls needed fit on
 * a page. The page's calls go over the page's socket, the browser's (downloads) over the browser's.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final WebSocket page;
  private final WebSocket browser;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, String> downloadNames = new ConcurrentHashMap<>();
  private final List<String> downloaded = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, WebSocket page, WebSocket browser) {
    this.process = process;
    this.page = page;
    this.browser = browser;
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

  /**
   * @param flags more command-line switches, e.g. {@code --host-rules=MAP cases.test
   *     127.0.0.1:8084} to give a service a name of its own
   */
  static HeadlessChromium start(Path chromium, Path profile, String... flags) throws Exception {
    var command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox", // root in CI
                "--disable-gpu",
                "--no-first-run",
                "--window-size=1280,1000",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile));
    command.addAll(List.of(flags));
    command.add("about:blank");
    var process =
        new ProcessBuilder(command)
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
    var targets = EventJson.MAPPER.readTree(get("http://127.0.0.1:" + port + "/json/list"));
    String browserUrl =
        EventJson.MAPPER
            .readTree(get("http://127.0.0.1:" + port + "/json/version"))
            .get("webSocketDebuggerUrl")
            .asString();
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
    var pageSocket =
        HTTP.newWebSocketBuilder()
            .buildAsync(URI.create(pageUrl), new Replies(holder))
            .get(10, TimeUnit.SECONDS);
    var browserSocket =
        HTTP.newWebSocketBuilder()
            .buildAsync(URI.create(browserUrl), new Replies(holder))
            .get(10, TimeUnit.SECONDS);
    var started = new HeadlessChromium(process, pageSocket, browserSocket);
    holder.complete(started);
    return started;
  }

  private static String get(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
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

  /** What the window shows (1280 × 1000). */
  void screenshot(Path png) throws Exception {
    var reply = call("Page.captureScreenshot", Map.of("format", "png"));
    Files.write(png, Base64.getDecoder().decode(reply.get("data").asString()));
  }

  /** The whole page, as far down as it goes: for a person to look at. */
  void screenshotOfTheWholePage(Path png) throws Exception {
    var size = call("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
    var reply =
        call(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of(
                    "x",
                    0,
                    "y",
                    0,
                    "width",
                    size.get("width").asDouble(),
                    "height",
                    size.get("height").asDouble(),
                    "scale",
                    1)));
    Files.write(png, Base64.getDecoder().decode(reply.get("data").asString()));
  }

  /**
   * The page as the given medium shows it ({@code print}: as printed), or as usual for {@code ""}.
   */
  void emulateMedia(String media) throws Exception {
    call("Emulation.setEmulatedMedia", Map.of("media", media));
  }

  /**
   * Files the pages download are saved in the directory under the names they suggest; {@link
   * #downloaded()} lists those completed.
   */
  void allowDownloads(Path directory) throws Exception {
    call(
        browser,
        "Browser.setDownloadBehavior",
        Map.of(
            "behavior",
            "allow",
            "downloadPath",
            directory.toAbsolutePath().toString(),
            "eventsEnabled",
            true));
  }

  /** The names of the downloads completed so far, in the directory given to allowDownloads. */
  List<String> downloaded() {
    return List.copyOf(downloaded);
  }

  private JsonNode call(String method, Map<String, Object> params) throws Exception {
    return call(page, method, params);
  }

  private JsonNode call(WebSocket socket, String method, Map<String, Object> params)
      throws Exception {
    int id = ids.incrementAndGet();
    var reply = new CompletableFuture<JsonNode>();
    pending.put(id, reply);
    socket
        .sendText(
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

  /** The browser's download events (sent once downloads are allowed with events). */
  private void onEvent(JsonNode event) {
    var params = event.path("params");
    switch (event.path("method").asString()) {
      case "Browser.downloadWillBegin" ->
          downloadNames.put(
              params.path("guid").asString(), params.path("suggestedFilename").asString());
      case "Browser.downloadProgress" -> {
        if ("completed".equals(params.path("state").asString())) {
          downloaded.add(downloadNames.getOrDefault(params.path("guid").asString(), ""));
        }
      }
      default -> {
        // other events are not followed
      }
    }
  }

  /**
   * Ends the browser and every process it started (renderers, GPU, crash handler), so that none is
   * still writing into the profile when the test's temporary directory is deleted.
   */
  @Override
  public void close() throws InterruptedException {
    var children = process.descendants().toList();
    page.abort();
    browser.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    for (var child : children) {
      child.destroy();
      try {
        child.onExit().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        child.destroyForcibly();
      }
    }
  }

  /**
   * Collects the protocol's messages on one socket and hands each reply to the call that waits for
   * it, each event to the browser.
   */
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
        } else if (json.has("method")) {
          browser.thenAccept(chromium -> chromium.onEvent(json));
        }
      }
      socket.request(1);
      return null;
    }
  }
}
