package dev.lamplighter.bench.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API call before signing.
 *
 * @param method the HTTP method
 * @param path the path, already percent-encoded
 * @param query the query parameters, not encoded (the signer encodes them as SigV4 does), in the
 *     order given; empty for none
 * @param body the JSON body, or null for none
 */
public record BenchRequest(String method, String path, Map<String, String> query, byte[] body) {
  public BenchRequest {
    // No copy for the common case: the load generator builds a request per step.
    query = query.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
  }

  /** A request without query parameters. */
  public BenchRequest(String method, String path, byte[] body) {
    this(method, path, Map.of(), body);
  }
}
