package dev.lamplighter.registry.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingConnectivity;
import java.util.Optional;

/**
 * Things' connectivity, one row per thing of a scope. A row exists only for an existing thing; the
 * registry removes it before the thing is deleted.
 */
public interface ThingConnectivityRepository {

  Optional<ThingConnectivity> find(Scope scope, String thingName);

  /**
   * Stores the thing's connectivity if the stored one is still {@code expected}: inserts it when
   * {@code expected} is null and there is no row, replaces the row when it equals {@code expected}.
   *
   * @return false when the stored state is not {@code expected} (a concurrent writer came first) or
   *     the thing does not exist; nothing is written then
   */
  boolean replace(
      Scope scope, String thingName, ThingConnectivity expected, ThingConnectivity next);

  /** Removes the thing's connectivity, if any (when the thing is deleted). */
  void remove(Scope scope, String thingName);
}
