package dev.lamplighter.gateway;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Optional;

/**
 * The broker namespace of a scope: every account and region is its own MQTT world (topics, retained
 * messages, sessions, client ids), as each AWS account has its own endpoint per region.
 */
public final class Namespaces {
  private Namespaces() {}

  /** {@code account:region}, stable across restarts (persistent sessions are kept under it). */
  public static String of(Scope scope) {
    return scope.account().value() + ":" + scope.region().value();
  }

  /** The scope of a namespace made by {@link #of}, or empty for any other namespace. */
  public static Optional<Scope> scope(String namespace) {
    int colon = namespace.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String account = namespace.substring(0, colon);
    String region = namespace.substring(colon + 1);
    if (!AccountId.isValid(account) || !Region.isValid(region)) {
      return Optional.empty();
    }
    return Optional.of(new Scope(AccountId.of(account), Region.of(region)));
  }
}
