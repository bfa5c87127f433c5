package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.CatalogLoader;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.deadlines.Deadlines;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision;
import cn.gov.xining.hotline.routing.districts.DistrictResolver;
import cn.gov.xining.hotline.routing.rules.ActiveRuleSet;
import cn.gov.xining.hotline.routing.rules.RuleSetCompiler;
import cn.gov.xining.hotline.routing.rules.RulesProperties;
import cn.gov.xining.hotline.testsupport.SampleComplaints;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.io.ClassPathResource;

/**
 * The production router with the full default rule set, gazetteer and working calendar, deciding
 * the customer's sample complaints (mostly 40–200 characters) round-robin on one thread. Called
 * RuleEngineBenchmark until the engine was cut into steps (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class RouterBenchmark {

  private Router router;
  private TicketReceived[] tickets;
  private int next;

  @Setup
  public void setUp() throws IOException {
    var catalog = CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml"));
    var rules =
        new ActiveRuleSet(
            new RuleSetCompiler(catalog),
            new RulesProperties(new ClassPathResource("rules/xining-routing-rules.yaml"), null));
    router =
        new Router(
            rules,
            catalog,
            DistrictResolver.load(catalog, new ClassPathResource("gazetteer/xining-places.yaml")),
            new Deadlines(
                WorkingCalendar.load(new ClassPathResource("calendar/cn-working-days.yaml"))),
            TopicClassifier.trainedOn(
                new ClassPathResource("classifier/labelled-complaints.jsonl"), 5));
    tickets =
        SampleComplaints.load().stream()
            .map(
                sample ->
                    new TicketReceived(
                        UUID.randomUUID(),
                        "260131-01-0001",
                        OffsetDateTime.parse("2026-01-31T10:00:00+08:00"),
                        sample.channel(),
                        AppealType.COMPLAINT,
                        sample.text(),
                        sample.address(),
                        null,
                        null))
            .toArray(TicketReceived[]::new);
  }

  @Benchmark
  public RoutingDecision decide() {
    var ticket = tickets[next];
    next = (next + 1) % tickets.length;
    return router.decide(ticket);
  }
}
