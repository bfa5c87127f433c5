package cn.gov.xining.hotline.intake.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing wrong with one field, in Chinese first for the operator, English after for integrators.
 *
 * @param allowed the valid values when the field takes a code; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldViolation(String field, String message, List<String> allowed) {

  static FieldViolation of(String field, String message) {
    return new FieldViolation(field, message, List.of());
  }
}
