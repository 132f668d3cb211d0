package dev.lamplighter.api.sigv4;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request as the HTTP server received it, before any decoding.
 *
 * @param method the request method, as on the request line
 * @param rawPath the path exactly as on the wire (percent-encoded, not decoded); empty means "/"
 * @param rawQuery the query exactly as on the wire, without the '?'; null when absent
 * @param headers header names are matched case-insensitively; a header repeated on the wire is one
 *     name with several values, in the order received
 * @param body the request body; empty when there is none. Not copied: callers must not change it.
 */
public record SignedRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {
  private static final byte[] NO_BODY = new byte[0];

  public SignedRequest {
    Objects.requireNonNull(method, "method");
    rawPath = rawPath == null ? "" : rawPath;
    headers = headers == null ? Map.of() : headers;
    body = body == null ? NO_BODY : body;
  }
}
