package dev.lamplighter.api.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a received query string, each kept both in its canonical (re-encoded) form and
 * as received, in the order received. Empty pieces ({@code a=1&&b=2}, a trailing {@code &}) are not
 * parameters; a piece without {@code =} is a parameter with an empty value.
 */
final class QueryString {
  static final QueryString EMPTY = new QueryString("", List.of());

  /**
   * One parameter; {@code key} and {@code value} are canonical, the raw value is kept to decode.
   */
  record Param(String key, String value, int rawValueFrom, int rawValueTo) {}

  private final String raw;
  private final List<Param> params;

  private QueryString(String raw, List<Param> params) {
    this.raw = raw;
    this.params = params;
  }

  static QueryString parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return EMPTY;
    }
    List<Param> params = new ArrayList<>();
    int length = rawQuery.length();
    int start = 0;
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int equals = rawQuery.indexOf('=', start);
        if (equals < 0 || equals > end) {
          params.add(new Param(UriEncoding.reencode(rawQuery, start, end), "", end, end));
        } else {
          params.add(
              new Param(
                  UriEncoding.reencode(rawQuery, start, equals),
                  UriEncoding.reencode(rawQuery, equals + 1, end),
                  equals + 1,
                  end));
        }
      }
      start = end + 1;
    }
    return new QueryString(rawQuery, List.copyOf(params));
  }

  List<Param> params() {
    return params;
  }

  /** Whether a parameter of this canonical name is present. */
  boolean has(String name) {
    for (Param param : params) {
      if (param.key().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The decoded value of the first parameter of this canonical name, or null. */
  String decoded(String name) {
    for (Param param : params) {
      if (param.key().equals(name)) {
        return UriEncoding.decode(raw, param.rawValueFrom(), param.rawValueTo());
      }
    }
    return null;
  }
}
