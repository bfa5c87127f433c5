package cn.gov.xining.hotline.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

  @Test
  void theFeaturePackagesDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
    ApplicationModules.of(ReportingApplication.class).verify();
  }
}
