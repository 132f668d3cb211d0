package dev.lamplighter.api.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * One member of a structure shape.
 *
 * @param name the member name; input trees and validation messages use it
 * @param shape the name of the member's shape
 * @param location where the member travels
 * @param locationName the URI label, query parameter, header (prefix) or JSON key, if the model
 *     renames it
 * @param jsonValue the member is a string holding JSON (in a header: base64-encoded JSON)
 * @param idempotencyToken the SDKs fill the member with a fresh token when the caller gives none
 * @param timestampFormat the member's own timestamp format, overriding the shape's
 */
public record Member(
    String name,
    String shape,
    Location location,
    Optional<String> locationName,
    boolean jsonValue,
    boolean idempotencyToken,
    Optional<TimestampFormat> timestampFormat) {

  public Member {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(locationName, "locationName");
    Objects.requireNonNull(timestampFormat, "timestampFormat");
  }

  /** The name on the wire: the location name if the model gives one, else the member name. */
  public String wireName() {
    return locationName.orElse(name);
  }
}
