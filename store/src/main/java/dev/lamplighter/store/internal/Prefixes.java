package dev.lamplighter.store.internal;

import java.util.Optional;

/**
 * Turns "starts with {@code prefix}" into the index range {@code prefix <= value < upperBound}.
 * Both stores compare text in code point order (UTF-8 bytes under a binary collation), so the bound
 * is the prefix with its last code point incremented; a trailing U+10FFFF cannot be incremented and
 * is dropped first.
 */
final class Prefixes {
  private Prefixes() {}

  /** The least string greater than every string starting with {@code prefix}; empty if none. */
  static Optional<String> upperBound(String prefix) {
    int[] codePoints = prefix.codePoints().toArray();
    for (int i = codePoints.length - 1; i >= 0; i--) {
      int next = codePoints[i] + 1;
      if (next == Character.MIN_SURROGATE) {
        next = Character.MAX_SURROGATE + 1; // surrogates are not characters of their own
      }
      if (next <= Character.MAX_CODE_POINT) {
        codePoints[i] = next;
        return Optional.of(new String(codePoints, 0, i + 1));
      }
    }
    return Optional.empty();
  }
}
