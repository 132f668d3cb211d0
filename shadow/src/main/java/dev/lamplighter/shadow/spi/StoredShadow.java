package dev.lamplighter.shadow.spi;

import dev.lamplighter.shadow.ShadowId;
import java.util.Objects;

/**
 * A shadow's row: its document, or the tombstone a delete leaves so that a new document within 48
 * hours continues the version.
 *
 * @param id the thing and shadow name
 * @param stateJson the state ({@code desired}, {@code reported}) as JSON; {@code {}} for a
 *     tombstone
 * @param metadataJson the metadata as JSON; {@code {}} for a tombstone
 * @param version the version of the document (the deleted one's, for a tombstone)
 * @param timestamp when it was last written or deleted, in epoch seconds
 * @param deleted whether this is a tombstone
 */
public record StoredShadow(
    ShadowId id,
    String stateJson,
    String metadataJson,
    long version,
    long timestamp,
    boolean deleted) {
  public StoredShadow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stateJson, "stateJson");
    Objects.requireNonNull(metadataJson, "metadataJson");
  }
}
