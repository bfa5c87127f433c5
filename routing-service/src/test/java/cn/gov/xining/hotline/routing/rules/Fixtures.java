package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.CatalogLoader;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.deadlines.Deadlines;
import cn.gov.xining.hotline.routing.districts.DistrictResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;

/** The production rule engine with the default catalog, gazetteer, calendar and rules. */
final class Fixtures {

  static final Catalog CATALOG =
      CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml"));

  private Fixtures() {}

  static RuleSetCompiler compiler() {
    return new RuleSetCompiler(CATALOG);
  }

  static ActiveRuleSet defaultRules(Path activeFile) {
    try {
      return new ActiveRuleSet(
          compiler(),
          new RulesProperties(
              new ClassPathResource("rules/xining-routing-rules.yaml"), activeFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RuleEngine engine(ActiveRuleSet rules) {
    return new RuleEngine(
        rules,
        CATALOG,
        DistrictResolver.load(CATALOG, new ClassPathResource("gazetteer/xining-places.yaml")),
        new Deadlines(WorkingCalendar.load(new ClassPathResource("calendar/cn-working-days.yaml"))),
        TopicClassifier.trainedOn(
            new ClassPathResource("classifier/labelled-complaints.jsonl"), 5));
  }

  static RuleEngine defaultEngine() {
    return engine(defaultRules(null));
  }

  static TicketReceived ticket(
      String content, String address, String districtCode, String topicCode, String receivedAt) {
    return new TicketReceived(
        UUID.randomUUID(),
        "260131-01-0001",
        OffsetDateTime.parse(receivedAt),
        "hotline-phone",
        AppealType.COMPLAINT,
        content,
        address,
        districtCode,
        topicCode);
  }
}
