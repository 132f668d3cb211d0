package dev.lamplighter.security.authorization;

import java.time.Instant;
import java.util.Objects;

/**
 * An IoT policy: a name and up to five versions, one of which is the default that applies.
 *
 * @param name unique within its scope
 * @param defaultVersionId the version that applies
 * @param createdAt when the policy was created
 * @param modifiedAt when its default version last changed
 * @param generationId grows by one with every change
 */
public record Policy(
    String name,
    String defaultVersionId,
    Instant createdAt,
    Instant modifiedAt,
    long generationId) {
  public Policy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultVersionId, "defaultVersionId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
  }

  public Policy withDefaultVersion(String versionId, Instant now) {
    return new Policy(name, versionId, createdAt, now, generationId + 1);
  }
}
