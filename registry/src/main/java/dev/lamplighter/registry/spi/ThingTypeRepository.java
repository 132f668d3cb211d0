package dev.lamplighter.registry.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingType;
import java.util.List;
import java.util.Optional;

/** Storage of thing types; names are unique per scope, listings ordered by name. */
public interface ThingTypeRepository {

  Optional<ThingType> find(Scope scope, String name);

  /**
   * Stores a new type.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when a type of that
   *     name exists
   */
  void insert(Scope scope, ThingType type);

  /** Replaces the stored type of the same name; returns false when it does not exist. */
  boolean update(Scope scope, ThingType type);

  /** Deletes the type; returns false when it did not exist. */
  boolean delete(Scope scope, String name);

  /**
   * Types whose names sort after {@code afterName}, in name order.
   *
   * @param name only the type of exactly this name, or null for all
   * @param afterName exclusive lower bound, or null
   */
  List<ThingType> list(Scope scope, String name, String afterName, int limit);
}
