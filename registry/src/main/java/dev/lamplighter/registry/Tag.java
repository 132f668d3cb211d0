package dev.lamplighter.registry;

import java.util.Objects;

/** A resource tag; the value may be empty but not null. */
public record Tag(String key, String value) {
  public Tag {
    Objects.requireNonNull(key, "key");
    value = value == null ? "" : value;
  }
}
