package cn.gov.xining.hotline.routing.districts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.Resource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The gazetteer file as written: more names per district code, places just outside the city, and
 * phrases that look like a district but are not. Checking it against the catalog is the resolver's
 * job, which has both.
 */
record Gazetteer(List<Entry> districts, List<String> elsewhere, List<String> notPlaces) {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  static final Gazetteer EMPTY = new Gazetteer(List.of(), List.of(), List.of());

  Gazetteer {
    districts = districts == null ? List.of() : List.copyOf(districts);
    elsewhere = elsewhere == null ? List.of() : List.copyOf(elsewhere);
    notPlaces = notPlaces == null ? List.of() : List.copyOf(notPlaces);
  }

  /**
   * @param aliases names of the district itself (湟中县, 城东)
   * @param places streets, towns, townships, roads and landmarks inside it
   */
  record Entry(String code, List<String> aliases, List<String> places) {
    Entry {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
      places = places == null ? List.of() : List.copyOf(places);
    }
  }

  static Gazetteer load(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      Gazetteer gazetteer = YAML.readValue(in, Gazetteer.class);
      return gazetteer == null ? EMPTY : gazetteer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer " + resource.getDescription(), e);
    }
  }
}
