package dev.lamplighter.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.shadow.internal.ShadowDocuments;
import java.util.Objects;

/**
 * A shadow as stored: its state, the metadata of every leaf, its version and when it last changed.
 *
 * @param id the thing and shadow name
 * @param state {@code {"desired": {...}, "reported": {...}}}, either section absent when empty
 * @param metadata the same shape, with {@code {"timestamp": seconds}} for every leaf
 * @param version incremented by every accepted update
 * @param timestamp when it last changed, in epoch seconds
 */
public record Shadow(
    ShadowId id, ObjectNode state, ObjectNode metadata, long version, long timestamp) {
  public Shadow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** The desired keys that differ from the reported ones, or an empty object. */
  public ObjectNode delta() {
    return ShadowDocuments.delta(state);
  }

  /** The document GetThingShadow returns (state with delta, metadata, version, timestamp). */
  public ObjectNode document(long nowSeconds) {
    return ShadowDocuments.getResponse(this, nowSeconds);
  }
}
