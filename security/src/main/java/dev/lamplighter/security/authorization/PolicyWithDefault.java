package dev.lamplighter.security.authorization;

/** A policy version together with its policy, telling whether it is the default. */
public record PolicyWithDefault(Policy policy, PolicyVersion version) {
  public boolean isDefault() {
    return policy.defaultVersionId().equals(version.versionId());
  }
}
