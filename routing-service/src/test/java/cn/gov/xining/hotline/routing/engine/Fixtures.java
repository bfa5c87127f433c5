package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.CatalogLoader;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.classifier.TopicClassifier;
import cn.gov.xining.hotline.routing.deadlines.Deadlines;
import cn.gov.xining.hotline.routing.districts.DistrictResolver;
import cn.gov.xining.hotline.routing.rules.ActiveRuleSet;
import cn.gov.xining.hotline.routing.rules.CompiledRuleSet;
import cn.gov.xining.hotline.routing.rules.Rule;
import cn.gov.xining.hotline.routing.rules.RuleSetCompiler;
import cn.gov.xining.hotline.routing.rules.RulesProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;

/** The production router with the default catalog, gazetteer, calendar and rules. */
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

  static Router engine(ActiveRuleSet rules) {
    return new Router(
        rules,
        CATALOG,
        gazetteer(),
        deadlines(),
        TopicClassifier.trainedOn(TopicClassifier.TRAINING_DATA, 5));
  }

  static DistrictResolver gazetteer() {
    return DistrictResolver.load(CATALOG, new ClassPathResource("gazetteer/xining-places.yaml"));
  }

  static Deadlines deadlines() {
    return new Deadlines(
        WorkingCalendar.load(new ClassPathResource("calendar/cn-working-days.yaml")));
  }

  /** A rule set of one's own, compiled as an administrator's would be. */
  static CompiledRuleSet rules(String yaml) {
    return compiler().compile(yaml);
  }

  /** A proposal of only a topic, as the model makes; the catalog gives the rest. */
  static Proposal proposalOf(String topic) {
    var then = Rule.Then.topicOnly(topic);
    return new Proposal("test", "试验", topic, then, then, List.of());
  }

  static Router defaultEngine() {
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
