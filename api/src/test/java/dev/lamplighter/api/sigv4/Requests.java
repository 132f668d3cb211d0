package dev.lamplighter.api.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Single changes to a {@link SignedRequest}, for tests that tamper with signed requests. */
final class Requests {
  private Requests() {}

  static SignedRequest withMethod(SignedRequest r, String method) {
    return new SignedRequest(method, r.rawPath(), r.rawQuery(), r.headers(), r.body());
  }

  static SignedRequest withPath(SignedRequest r, String rawPath) {
    return new SignedRequest(r.method(), rawPath, r.rawQuery(), r.headers(), r.body());
  }

  static SignedRequest withQuery(SignedRequest r, String rawQuery) {
    return new SignedRequest(r.method(), r.rawPath(), rawQuery, r.headers(), r.body());
  }

  static SignedRequest withBody(SignedRequest r, String body) {
    return new SignedRequest(
        r.method(), r.rawPath(), r.rawQuery(), r.headers(), body.getBytes(StandardCharsets.UTF_8));
  }

  /** The request with a header's values replaced (or the header added, or removed when null). */
  static SignedRequest withHeader(SignedRequest r, String name, List<String> values) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    r.headers().forEach((n, v) -> headers.put(n, new ArrayList<>(v)));
    String existing =
        headers.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
    if (values == null) {
      headers.remove(existing);
    } else {
      headers.put(existing, values);
    }
    return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
  }

  static List<String> header(SignedRequest r, String name) {
    return r.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(List.of());
  }

  /** The request with the raw value of the first query parameter of that raw name changed. */
  static SignedRequest withQueryParam(SignedRequest r, String rawName, UnaryOperator<String> f) {
    List<String> pieces = new ArrayList<>(List.of(r.rawQuery().split("&", -1)));
    for (int i = 0; i < pieces.size(); i++) {
      String piece = pieces.get(i);
      int equals = piece.indexOf('=');
      String key = equals < 0 ? piece : piece.substring(0, equals);
      if (key.equals(rawName)) {
        String value = equals < 0 ? "" : piece.substring(equals + 1);
        pieces.set(i, key + "=" + f.apply(value));
        return withQuery(r, String.join("&", pieces));
      }
    }
    throw new IllegalArgumentException("no query parameter " + rawName);
  }

  /** The raw names of the query parameters, in order. */
  static List<String> queryParamNames(SignedRequest r) {
    if (r.rawQuery() == null || r.rawQuery().isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String piece : r.rawQuery().split("&")) {
      int equals = piece.indexOf('=');
      names.add(equals < 0 ? piece : piece.substring(0, equals));
    }
    return names;
  }

  static String queryParam(SignedRequest r, String rawName) {
    for (String piece : r.rawQuery().split("&")) {
      if (piece.startsWith(rawName + "=")) {
        return piece.substring(rawName.length() + 1);
      }
    }
    return null;
  }
}
