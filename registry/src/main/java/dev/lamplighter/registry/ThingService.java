package dev.lamplighter.registry;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;

/**
 * Things in the registry. Every method acts within the caller's scope only.
 *
 * <p>Threading: all methods are safe to call from any thread; each write is one transaction that
 * also appends to the change log, and it is durable when the method returns.
 */
public interface ThingService {

  /**
   * CreateThing. Calling it again with the same name and configuration returns the existing thing.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when a thing of
   *     that name exists with another type or other attributes; RESOURCE_NOT_FOUND when the type or
   *     billing group does not exist; INVALID_REQUEST when the type is deprecated or the attributes
   *     exceed AWS's limits (3 without a type, 50 with one)
   */
  Thing create(Scope scope, NewThing thing);

  /**
   * DescribeThing.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when it does not exist
   */
  Thing describe(Scope scope, String name);

  /**
   * UpdateThing; the version grows by one.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown thing or
   *     type; VERSION_CONFLICT when {@code expectedVersion} is not the current version;
   *     INVALID_REQUEST when both a type and its removal are asked for, the type is deprecated, or
   *     the attributes exceed the limits
   */
  Thing update(Scope scope, ThingUpdate update);

  /**
   * DeleteThing. Deleting a thing that does not exist succeeds, as in AWS. The thing's group
   * memberships and its connectivity end with it.
   *
   * @param expectedVersion the version the caller last saw, or null
   * @throws dev.lamplighter.core.error.ServiceException VERSION_CONFLICT when {@code
   *     expectedVersion} is not the current version; INVALID_REQUEST while a principal is attached
   */
  void delete(Scope scope, String name, Long expectedVersion);

  /** ListThings, ordered by name. */
  Page<Thing> list(Scope scope, ThingQuery query, PageRequest page);
}
