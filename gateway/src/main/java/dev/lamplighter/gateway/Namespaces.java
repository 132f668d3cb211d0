package dev.lamplighter.gateway;

import dev.lamplighter.core.tenancy.Scope;

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
}
