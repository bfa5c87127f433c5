package cn.gov.xining.hotline.routing.rules;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.CatalogLoader;
import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.TicketReceived;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;

/** The default catalog and rule set, and tickets to try them on. */
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
