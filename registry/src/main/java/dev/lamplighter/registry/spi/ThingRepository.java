package dev.lamplighter.registry.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingQuery;
import java.util.List;
import java.util.Optional;

/**
 * Storage of things. Names are unique per scope; listings are ordered by name (binary order of the
 * UTF-8 text, the same on every store).
 */
public interface ThingRepository {

  Optional<Thing> find(Scope scope, String name);

  /**
   * Stores a new thing.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when a thing of
   *     that name exists (a concurrent create won)
   */
  void insert(Scope scope, Thing thing);

  /**
   * Replaces the stored thing of the same name if its stored version is {@code expectedVersion}.
   *
   * @return false when the thing is gone or its version moved on (nothing is written then)
   */
  boolean update(Scope scope, Thing thing, long expectedVersion);

  /**
   * Deletes the thing if its stored version is {@code expectedVersion}.
   *
   * @return false when it is gone or its version moved on
   */
  boolean delete(Scope scope, String name, long expectedVersion);

  /**
   * Things matching {@code query} whose names sort after {@code afterName}, in name order.
   *
   * @param afterName exclusive lower bound, or null to start at the beginning
   * @param limit the most things to return
   */
  List<Thing> list(Scope scope, ThingQuery query, String afterName, int limit);

  /** Whether any principal (certificate) is attached to the thing. */
  boolean hasPrincipals(Scope scope, String thingName);

  /** Whether any thing in the scope has the given type. */
  boolean existsWithType(Scope scope, String typeName);

  /**
   * Puts the thing in a billing group, or with null takes it out of its billing group. The thing's
   * version does not change: billing group membership is not part of the thing record's version, as
   * in AWS.
   *
   * @return false when the thing does not exist
   */
  boolean setBillingGroup(Scope scope, String thingName, String billingGroupName);

  /** Takes every thing out of the billing group (when the group is deleted). */
  void clearBillingGroup(Scope scope, String billingGroupName);
}
