package dev.lamplighter.api.wire;

/** How a timestamp is written where it travels as text or as a JSON number. */
public enum TimestampFormat {
  /** ISO 8601, as in {@code 2023-11-14T22:13:20.123Z}; the default in query strings. */
  ISO8601,
  /** RFC 822 / RFC 1123, as in {@code Tue, 14 Nov 2023 22:13:20 GMT}; the default in headers. */
  RFC822,
  /** Seconds since the epoch with an optional fraction; the default in JSON bodies. */
  UNIX_TIMESTAMP;

  static TimestampFormat of(String modelName) {
    return switch (modelName) {
      case "iso8601" -> ISO8601;
      case "rfc822" -> RFC822;
      case "unixTimestamp" -> UNIX_TIMESTAMP;
      default -> throw new IllegalArgumentException("unknown timestamp format: " + modelName);
    };
  }
}
