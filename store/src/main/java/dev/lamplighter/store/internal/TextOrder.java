package dev.lamplighter.store.internal;

import java.util.Comparator;

/**
 * Text in the order both stores sort names: code point order, which is the order of UTF-8 bytes
 * under SQLite's BINARY collation and PostgreSQL's {@code COLLATE "C"}. For merging in Java what
 * several statements returned in that order ({@link String#compareTo} differs for characters beyond
 * U+FFFF).
 */
final class TextOrder {
  static final Comparator<String> CODE_POINTS = TextOrder::compare;

  private TextOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
