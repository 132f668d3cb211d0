package dev.lamplighter.api.wire;

import java.util.Objects;

/**
 * One failed constraint, in the terms of AWS's validation message.
 *
 * @param path the member path, such as {@code tags.1.member.Key}
 * @param value the value as shown to the caller, or {@code null} for a missing member
 * @param constraint the constraint phrase, such as {@code Member must not be null}
 */
record Violation(String path, String value, String constraint) {
  Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(constraint, "constraint");
  }
}
