package cn.gov.xining.hotline.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Asks every running instance of each service a question twice a second while faults happen, as the
 * staff's screens do, and keeps every answer: a fault suite shows which endpoints kept answering
 * from the surviving instances. An instance is asked from when it is healthy until just before it
 * is killed or stopped.
 */
final class EndpointWatch {

  /**
   * A question to a service: its path (null while there is nothing to ask yet, e.g. no case open)
   * and who asks.
   */
  record Question(String service, Supplier<String> path, String principal) {}

  private record Answer(long at, String service, boolean ok, String cause) {}

  private final List<Question> questions;
  private final Function<String, List<ServiceProcess>> running;
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();

  /**
   * @param running the healthy instances of a service now
   */
  EndpointWatch(List<Question> questions, Function<String, List<ServiceProcess>> running) {
    this.questions = List.copyOf(questions);
    this.running = running;
  }

  void start() {
    pace.scheduleWithFixedDelay(this::askAll, 0, 500, TimeUnit.MILLISECONDS);
  }

  void stop() throws InterruptedException {
    pace.shutdown();
    pace.awaitTermination(30, TimeUnit.SECONDS);
  }

  /** Per service, between two times: how many answers, and the failures by cause. */
  Map<String, String> between(long from, long to) {
    var summary = new TreeMap<String, String>();
    answers.stream()
        .filter(answer -> answer.at() >= from && answer.at() < to)
        .collect(Collectors.groupingBy(Answer::service))
        .forEach(
            (service, asked) -> {
              var failed =
                  asked.stream()
                      .filter(answer -> !answer.ok())
                      .collect(
                          Collectors.groupingBy(
                              Answer::cause, TreeMap::new, Collectors.counting()));
              summary.put(
                  service,
                  "%d asked, %s failed"
                      .formatted(asked.size(), failed.isEmpty() ? "0" : failed.toString()));
            });
    return summary;
  }

  /** Every failed answer between two times, as "service: cause". */
  List<String> failuresBetween(long from, long to) {
    return answers.stream()
        .filter(answer -> answer.at() >= from && answer.at() < to && !answer.ok())
        .map(answer -> answer.service() + ": " + answer.cause())
        .toList();
  }

  private void askAll() {
    for (var question : questions) {
      String path = question.path().get();
      if (path == null) {
        continue;
      }
      for (var instance : running.apply(question.service())) {
        ask(question, instance, path);
      }
    }
  }

  private void ask(Question question, ServiceProcess instance, String path) {
    long at = System.currentTimeMillis();
    try {
      var response =
          TicketLoad.HTTP.send(
              HttpRequest.newBuilder(URI.create(instance.url(path)))
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", IdentityProvider.bearer(question.principal()))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      answers.add(new Answer(at, question.service(), status == 200, "HTTP " + status));
    } catch (IOException | RuntimeException e) {
      answers.add(new Answer(at, question.service(), false, e.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
