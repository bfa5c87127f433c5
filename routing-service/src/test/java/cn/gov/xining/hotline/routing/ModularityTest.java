package cn.gov.xining.hotline.routing;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages under routing are Spring Modulith application modules: each may use another
 * only through the public types in its top-level package, and none depends on another in a cycle.
 * Reads the compiled classes only; no Spring context is started.
 */
class ModularityTest {

  @Test
  void theFeaturePackagesDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
    ApplicationModules.of(RoutingApplication.class).verify();
  }
}
