package cn.gov.xining.hotline.intake.tickets;

import java.util.List;

/** A ticket request broke one or more rules; carries every violation, not just the first. */
public class InvalidTicketException extends RuntimeException {

  private final List<FieldViolation> violations;

  InvalidTicketException(List<FieldViolation> violations) {
    super("invalid ticket: " + violations.stream().map(FieldViolation::field).toList());
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
