package dev.lamplighter.gateway.websocket;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An upgrade request as the listener received it, for signature verification.
 *
 * @param method the request method
 * @param rawPath the path as on the wire (percent-encoded)
 * @param rawQuery the query as on the wire, without '?'; null when absent
 * @param headers every header, names in any case, values in the order received
 */
public record UpgradeRequest(
    String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {
  public UpgradeRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    headers = Map.copyOf(headers);
  }
}
