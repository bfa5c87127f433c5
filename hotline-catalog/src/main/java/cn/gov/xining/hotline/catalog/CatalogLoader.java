package cn.gov.xining.hotline.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.Resource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a catalog file and refuses an inconsistent one at start-up rather than at routing time. */
public final class CatalogLoader {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private CatalogLoader() {}

  public static Catalog load(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return load(in, resource.getDescription());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog " + resource.getDescription(), e);
    }
  }

  public static Catalog load(InputStream in, String description) {
    Catalog catalog = YAML.readValue(in, Catalog.class);
    var problems = catalog.inconsistencies();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("catalog " + description + " is inconsistent: " + problems);
    }
    return catalog;
  }
}
