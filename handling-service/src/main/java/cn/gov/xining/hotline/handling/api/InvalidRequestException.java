package cn.gov.xining.hotline.handling.api;

import java.util.Map;

/** A request missing what the handling contract needs; names every field. */
class InvalidRequestException extends RuntimeException {

  private final Map<String, String> fields;

  InvalidRequestException(Map<String, String> fields) {
    super("invalid fields: " + fields.keySet());
    this.fields = Map.copyOf(fields);
  }

  Map<String, String> fields() {
    return fields;
  }
}
