package cn.gov.xining.hotline.testsupport;

import cn.gov.xining.hotline.contract.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies a careless or hostile client sends, derived from one valid body: a field replaced
 * by a value of another type or of absurd size, extreme numbers and dates, control characters and
 * broken surrogates, fields removed or invented, and bodies that are not JSON at all or nest
 * thousands deep. Drawn with jqwik's generators from a seed, so a failing body is found again by
 * its seed and index.
 */
public final class HostileJson {

  /** One body to send, and what was done to the valid one. */
  public record Case(int index, String mutation, String body) {
    @Override
    public String toString() {
      return "#" + index + " " + mutation;
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<String> ABSURD_TEXT =
      List.of(
          "",
          " ",
          "NaN",
          "Infinity",
          "-Infinity",
          "1e400",
          "-0",
          "99999999999999999999999999",
          "+999999999-12-31T23:59:59Z",
          "-999999999-01-01T00:00:00Z",
          "+999999999-12-31",
          "2026-02-30T00:00:00+08:00",
          "2026-13-01",
          "today",
          "null",
          "../../../etc/passwd",
          "'; DROP TABLE ticket; --",
          "^(a+)+\\1$",
          "\uD800",
          "\u0000",
          "\u202E反转",
          "<script>alert(1)</script>",
          "%00",
          "長".repeat(5000),
          "a".repeat(70_000));

  private HostileJson() {}

  /** {@code count} hostile variants of {@code validJson} (a JSON object), the same for a seed. */
  public static List<Case> variants(String validJson, long seed, int count) {
    var cases = new ArrayList<Case>();
    // jqwik's generators outside a property run in a session of their own.
    JqwikSession.run(() -> cases.addAll(draw(validJson, seed, count)));
    return cases;
  }

  private static List<Case> draw(String validJson, long seed, int count) {
    var valid = (ObjectNode) EventJson.MAPPER.readTree(validJson);
    var random = new Random(seed);
    var values = hostileValue().generator(100);
    var names = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40).generator(100);
    List<String> fields = new ArrayList<>(valid.propertyNames());
    var cases = new ArrayList<Case>();
    for (int i = 0; i < count; i++) {
      var body = valid.deepCopy();
      String field = fields.get(random.nextInt(fields.size()));
      String mutation;
      switch (random.nextInt(10)) {
        case 0 -> {
          body.remove(field);
          mutation = "without " + field;
        }
        case 1 -> {
          String invented = names.next(random).value();
          body.set(invented, values.next(random).value());
          mutation = "with an unknown field";
        }
        case 2 -> {
          cases.add(new Case(i, "not JSON", notJson(random)));
          continue;
        }
        default -> {
          JsonNode value = values.next(random).value();
          body.set(field, value);
          mutation = field + " = " + abbreviated(value.toString());
        }
      }
      cases.add(new Case(i, mutation, EventJson.MAPPER.writeValueAsString(body)));
    }
    return cases;
  }

  /**
   * Hostile text for a path segment or a query parameter: absurd dates and numbers, control
   * characters, huge and broken strings; the same for a seed.
   */
  public static List<String> texts(long seed, int count) {
    var texts = new ArrayList<String>();
    JqwikSession.run(
        () -> {
          var random = new Random(seed);
          var values = hostileValue().generator(100);
          for (int i = 0; i < count; i++) {
            JsonNode value = values.next(random).value();
            texts.add(value.isString() ? value.asString() : value.toString());
          }
        });
    return texts;
  }

  /** Values of every JSON type, most of them wrong for any field. */
  static Arbitrary<JsonNode> hostileValue() {
    return Arbitraries.oneOf(
        Arbitraries.of(ABSURD_TEXT).map(NODES::stringNode),
        Arbitraries.strings().all().ofMaxLength(300).map(NODES::stringNode),
        Arbitraries.strings()
            .withCharRange('\u0000', '\u001f')
            .ofMaxLength(40)
            .map(NODES::stringNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.doubles().map(NODES::numberNode),
        Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE)
            .map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()),
        Arbitraries.just(NODES.arrayNode()),
        Arbitraries.just(NODES.objectNode()),
        Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(200).map(HostileJson::array),
        Arbitraries.integers().between(1, 50).map(HostileJson::nested));
  }

  private static String notJson(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "[".repeat(5000) + "]".repeat(5000);
      case 1 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
      case 2 -> "{\"content\":\"未闭合";
      case 3 -> "\uFEFF{}";
      case 4 -> "{\"content\":\"x\",\"content\":\"y\"}";
      default -> "这不是JSON";
    };
  }

  private static JsonNode array(List<String> items) {
    var array = NODES.arrayNode();
    items.forEach(array::add);
    return array;
  }

  private static JsonNode nested(int depth) {
    JsonNode node = NODES.stringNode("深");
    for (int i = 0; i < depth; i++) {
      var wrapper = NODES.objectNode();
      wrapper.set("x", node);
      node = wrapper;
    }
    return node;
  }

  private static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…(" + text.length() + ")";
  }
}
