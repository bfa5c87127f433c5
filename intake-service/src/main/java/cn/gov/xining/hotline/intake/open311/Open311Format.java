package cn.gov.xining.hotline.intake.open311;

import cn.gov.xining.hotline.contract.EventJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UrlPathHelper;

/**
 * GeoReport v2 gives every resource as {@code .json} or {@code .xml}. Responses are built as
 * ordered maps with the specification's snake_case names and written in either format; the XML has
 * the element names the specification shows (a list's items named by {@link #ITEM_NAMES}).
 */
enum Open311Format {
  JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
  XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

  private static final Map<String, String> ITEM_NAMES =
      Map.of(
          "services", "service",
          "service_requests", "request",
          "errors", "error",
          "endpoints", "endpoint",
          "formats", "format");

  private final MediaType mediaType;

  Open311Format(MediaType mediaType) {
    this.mediaType = mediaType;
  }

  static Open311Format of(String extension) {
    return switch (extension) {
      case "json" -> JSON;
      case "xml" -> XML;
      default -> throw new Open311Exception(404, "不支持的格式 (format must be json or xml)");
    };
  }

  /**
   * The format a request asked for by its path, for errors, which may be answered before the path
   * was matched to an endpoint: XML for {@code .xml}, JSON otherwise.
   */
  static Open311Format of(HttpServletRequest request) {
    return UrlPathHelper.defaultInstance.getLookupPathForRequest(request).endsWith(".xml")
        ? XML
        : JSON;
  }

  /** A list resource: a JSON array, or an XML root element with one child per item. */
  ResponseEntity<String> list(int status, String root, List<Map<String, Object>> items) {
    return ResponseEntity.status(status).contentType(mediaType).body(listBody(root, items));
  }

  /** A list resource written straight to the response, where no controller answers. */
  void write(HttpServletResponse response, int status, String root, List<Map<String, Object>> items)
      throws IOException {
    response.setStatus(status);
    response.setContentType(mediaType.toString());
    response.getOutputStream().write(listBody(root, items).getBytes(StandardCharsets.UTF_8));
  }

  private String listBody(String root, List<Map<String, Object>> items) {
    return this == JSON
        ? EventJson.MAPPER.writeValueAsString(items)
        : document(element(root, items));
  }

  /** A single resource: a JSON object, or an XML root element with its fields. */
  ResponseEntity<String> single(String root, Map<String, Object> fields) {
    String body =
        this == JSON
            ? EventJson.MAPPER.writeValueAsString(fields)
            : document(element(root, fields));
    return ResponseEntity.ok().contentType(mediaType).body(body);
  }

  private static String document(String root) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + root;
  }

  private static String element(String name, Object value) {
    var xml = new StringBuilder("<").append(name).append('>');
    if (value instanceof Map<?, ?> fields) {
      fields.forEach((field, fieldValue) -> xml.append(element((String) field, fieldValue)));
    } else if (value instanceof List<?> items) {
      String item = ITEM_NAMES.getOrDefault(name, "item");
      items.forEach(each -> xml.append(element(item, each)));
    } else if (value != null) {
      xml.append(escape(String.valueOf(value)));
    }
    return xml.append("</").append(name).append('>').toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
