package dev.lamplighter.api.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as SigV4 defines it: every byte except the RFC 3986 unreserved characters
 * ({@code A-Z a-z 0-9 - _ . ~}) becomes {@code %XX} with upper-case hex, text taken as UTF-8.
 */
final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  /**
   * Encodes {@code s[from, to)} taken as plain characters, so a {@code %} already there is encoded
   * again: this is the second encoding that non-S3 services apply to the path.
   */
  static void encode(String s, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
      } else if (c < 0x80) {
        appendByte(out, c);
      } else {
        int codePoint = codePointAt(s, i, to);
        i += Character.charCount(codePoint) - 1;
        appendUtf8(out, codePoint);
      }
    }
  }

  /**
   * Decodes the {@code %XX} escapes of {@code s[from, to)} and encodes the resulting bytes again,
   * which is how a received query component becomes its canonical form. A {@code %} that does not
   * start a valid escape stands for itself. {@code +} is a literal plus (RFC 3986), not a space.
   */
  static String reencode(String s, int from, int to) {
    int i = from;
    while (i < to && isUnreserved(s.charAt(i))) {
      i++;
    }
    if (i == to) {
      return s.substring(from, to);
    }
    StringBuilder out = new StringBuilder((to - from) + 16);
    out.append(s, from, i);
    for (; i < to; i++) {
      char c = s.charAt(i);
      int escaped = escapedByte(s, i, to);
      if (escaped >= 0) {
        if (isUnreserved(escaped)) {
          out.append((char) escaped);
        } else {
          appendByte(out, escaped);
        }
        i += 2;
      } else if (isUnreserved(c)) {
        out.append(c);
      } else if (c < 0x80) {
        appendByte(out, c);
      } else {
        int codePoint = codePointAt(s, i, to);
        i += Character.charCount(codePoint) - 1;
        appendUtf8(out, codePoint);
      }
    }
    return out.toString();
  }

  /** Decodes the {@code %XX} escapes of {@code s[from, to)} and reads the bytes as UTF-8. */
  static String decode(String s, int from, int to) {
    int firstPercent = s.indexOf('%', from);
    if (firstPercent < 0 || firstPercent >= to) {
      return s.substring(from, to);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      int escaped = escapedByte(s, i, to);
      if (escaped >= 0) {
        bytes.write(escaped);
        i += 2;
      } else {
        char c = s.charAt(i);
        if (c < 0x80) {
          bytes.write(c);
        } else {
          int codePoint = codePointAt(s, i, to);
          i += Character.charCount(codePoint) - 1;
          byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
          bytes.write(utf8, 0, utf8.length);
        }
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The code point at {@code i}, a lone surrogate standing for itself. */
  private static int codePointAt(String s, int i, int to) {
    char high = s.charAt(i);
    if (Character.isHighSurrogate(high) && i + 1 < to) {
      char low = s.charAt(i + 1);
      if (Character.isLowSurrogate(low)) {
        return Character.toCodePoint(high, low);
      }
    }
    return high;
  }

  /** The byte of a valid {@code %XX} escape starting at {@code i}, or -1. */
  private static int escapedByte(String s, int i, int to) {
    if (s.charAt(i) != '%' || i + 2 >= to) {
      return -1;
    }
    int high = Character.digit(s.charAt(i + 1), 16);
    int low = Character.digit(s.charAt(i + 2), 16);
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }

  private static void appendUtf8(StringBuilder out, int codePoint) {
    if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
      appendByte(out, '?'); // a lone surrogate, encoded as String.getBytes(UTF_8) would
    } else if (codePoint < 0x800) {
      appendByte(out, 0xC0 | codePoint >> 6);
      appendByte(out, 0x80 | codePoint & 0x3F);
    } else if (codePoint < 0x10000) {
      appendByte(out, 0xE0 | codePoint >> 12);
      appendByte(out, 0x80 | codePoint >> 6 & 0x3F);
      appendByte(out, 0x80 | codePoint & 0x3F);
    } else {
      appendByte(out, 0xF0 | codePoint >> 18);
      appendByte(out, 0x80 | codePoint >> 12 & 0x3F);
      appendByte(out, 0x80 | codePoint >> 6 & 0x3F);
      appendByte(out, 0x80 | codePoint & 0x3F);
    }
  }
}
