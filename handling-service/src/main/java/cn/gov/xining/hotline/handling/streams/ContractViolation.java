package cn.gov.xining.hotline.handling.streams;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A record that could be read but breaks the contract: a report without what its kind requires, a
 * field over its limit, a key that is not the ticket number. Nothing can be applied from it, and it
 * would break the same way every time, so {@link ContractViolationHandler} dead-letters it with
 * this message.
 */
class ContractViolation extends RuntimeException {

  ContractViolation(String what, Map<String, String> fields) {
    super(
        "%s 不符合约定，已转入死信 (breaks the contract): %s"
            .formatted(
                what,
                fields.entrySet().stream()
                    .map(field -> field.getKey() + " " + field.getValue())
                    .collect(Collectors.joining("; "))));
  }
}
