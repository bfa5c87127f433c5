package cn.gov.xining.hotline.routing.triage;

import java.util.List;

/** A manual dispatch that cannot be carried out as asked. */
class InvalidDispatchException extends RuntimeException {

  private final List<String> problems;

  InvalidDispatchException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
