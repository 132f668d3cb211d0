package dev.lamplighter.api.wire;

import java.util.List;
import java.util.StringJoiner;

/**
 * Writes constraint violations as AWS services do (the Coral validation format), for example:
 *
 * <pre>
 * 1 validation error detected: Value 'bad name' at 'thingName' failed to satisfy constraint:
 * Member must satisfy regular expression pattern: [a-zA-Z0-9:_-]+
 * </pre>
 *
 * <p>(on one line), and for several violations {@code 2 validation errors detected: <first>;
 * <second>}. SDKs and scripts match on this text, so it must not drift.
 */
final class ValidationMessage {
  private ValidationMessage() {}

  /** The message for one or more violations, in the order given. */
  static String format(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("no violations");
    }
    StringJoiner message =
        new StringJoiner(
            "; ",
            violations.size()
                + (violations.size() == 1
                    ? " validation error detected: "
                    : " validation errors detected: "),
            "");
    for (Violation violation : violations) {
      message.add(describe(violation));
    }
    return message.toString();
  }

  /** One violation: {@code Value 'x' at 'path' failed to satisfy constraint: <phrase>}. */
  static String describe(Violation violation) {
    String value = violation.value() == null ? "null" : "'" + violation.value() + "'";
    return "Value "
        + value
        + " at '"
        + violation.path()
        + "' failed to satisfy constraint: "
        + violation.constraint();
  }
}
