package dev.lamplighter.core.tenancy;

import java.util.Objects;

/**
 * The (account, region) pair that owns a resource. Two scopes never see each other's resources:
 * every repository query is filtered by the caller's scope.
 */
public record Scope(AccountId account, Region region) {
  public Scope {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
  }

  public static Scope of(String account, String region) {
    return new Scope(AccountId.of(account), Region.of(region));
  }

  @Override
  public String toString() {
    return account + "/" + region;
  }
}
