package cn.gov.xining.hotline.intake.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An Open311 error: the HTTP status and the specification's list of {code, description}. */
class Open311Exception extends RuntimeException {

  private final int status;
  private final List<Map<String, Object>> errors;

  Open311Exception(int status, String description) {
    this(status, List.of(error(status, description)));
  }

  static Map<String, Object> error(int code, String description) {
    var error = new LinkedHashMap<String, Object>();
    error.put("code", code);
    error.put("description", description);
    return error;
  }

  Open311Exception(int status, List<Map<String, Object>> errors) {
    super(errors.toString());
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  List<Map<String, Object>> errors() {
    return errors;
  }
}
