package cn.gov.xining.hotline.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/** Samples a service's heap through its actuator while a benchmark runs. */
final class HeapWatch {
  // The metrics are the OPERATIONS role's: the watch signs in as Prometheus does.
  private final HttpClient http;
  private final String service;
  private final AtomicLong peak = new AtomicLong();
  private volatile double max;
  private volatile boolean running = true;
  private Thread thread;

  HeapWatch(HttpClient http, String service) {
    this.http = http;
    this.service = service;
  }

  void start() {
    thread =
        new Thread(
            () -> {
              while (running) {
                peak.accumulateAndGet((long) read("jvm.memory.used"), Math::max);
                max = read("jvm.memory.max");
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join();
  }

  double peakMb() {
    return peak.get() / 1024.0 / 1024.0;
  }

  double maxMb() {
    return max / 1024.0 / 1024.0;
  }

  private static volatile String token;

  /** Prometheus's development client; a run is shorter than its token's 15 minutes. */
  private static String token() {
    if (token == null) {
      token =
          new cn.gov.xining.hotline.testsupport.SignIn(
                  System.getProperty("issuer", "http://127.0.0.1:9000"))
              .system("prometheus");
    }
    return token;
  }

  private double read(String metric) {
    try {
      var body =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create(service + "/actuator/metrics/" + metric + "?tag=area:heap"))
                      .header("Authorization", "Bearer " + token())
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      var value = Pattern.compile("\"value\":([\\d.E+]+)").matcher(body);
      return value.find() ? Double.parseDouble(value.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
