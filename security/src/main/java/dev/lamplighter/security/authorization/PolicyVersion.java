package dev.lamplighter.security.authorization;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a policy.
 *
 * @param policyName the policy
 * @param versionId "1", "2", … in creation order; never reused
 * @param document the policy document as given
 * @param createdAt when the version was created
 */
public record PolicyVersion(
    String policyName, String versionId, String document, Instant createdAt) {
  public PolicyVersion {
    Objects.requireNonNull(policyName, "policyName");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
