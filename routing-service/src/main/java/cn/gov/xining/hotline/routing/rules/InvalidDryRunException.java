package cn.gov.xining.hotline.routing.rules;

import java.util.List;

/** A dry-run request with fields the catalog does not know. */
class InvalidDryRunException extends RuntimeException {

  private final List<String> problems;

  InvalidDryRunException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
