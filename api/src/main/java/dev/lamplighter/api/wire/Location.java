package dev.lamplighter.api.wire;

/** Where a member of an operation's input or output travels in an HTTP message. */
public enum Location {
  /** In the JSON body, or as the whole body when the member is the structure's payload. */
  BODY,
  /** A label of the request URI, such as {@code {thingName}}. */
  URI,
  /** One query parameter, or all remaining ones for a map member. */
  QUERYSTRING,
  /** One header. */
  HEADER,
  /** Every header whose name starts with a prefix, as a map. */
  HEADERS,
  /** The HTTP status code of a response. */
  STATUS_CODE;

  /** The location named by a model's {@code location} field; absent means the body. */
  static Location of(String modelName) {
    if (modelName == null) {
      return BODY;
    }
    return switch (modelName) {
      case "uri" -> URI;
      case "querystring" -> QUERYSTRING;
      case "header" -> HEADER;
      case "headers" -> HEADERS;
      case "statusCode" -> STATUS_CODE;
      default -> throw new IllegalArgumentException("unknown member location: " + modelName);
    };
  }
}
