package dev.lamplighter.api.wire;

/** The AWS wire protocol of a service. */
public enum Protocol {
  /** Method and URI pick the operation; members travel in the URI, query, headers and body. */
  REST_JSON,
  /**
   * {@code POST /} with the operation in {@code X-Amz-Target}; the whole input is the JSON body.
   */
  JSON;

  static Protocol of(String modelName) {
    return switch (modelName) {
      case "rest-json" -> REST_JSON;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException("unsupported protocol: " + modelName);
    };
  }
}
