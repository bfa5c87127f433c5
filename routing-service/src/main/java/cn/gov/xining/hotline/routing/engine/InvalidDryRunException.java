package cn.gov.xining.hotline.routing.engine;

import java.util.List;

/** A dry-run request the engine cannot decide, each problem naming its field. */
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
