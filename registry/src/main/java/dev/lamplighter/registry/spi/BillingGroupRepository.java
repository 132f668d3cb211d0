package dev.lamplighter.registry.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.BillingGroup;
import java.util.List;
import java.util.Optional;

/**
 * Storage of billing groups; names are unique per scope, listings ordered by name. Which billing
 * group a thing is in is stored with the thing (see {@link ThingRepository#setBillingGroup}).
 */
public interface BillingGroupRepository {

  Optional<BillingGroup> find(Scope scope, String name);

  /**
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when a billing
   *     group of that name exists
   */
  void insert(Scope scope, BillingGroup group);

  /** Replaces the stored group if its version is {@code expectedVersion}; false otherwise. */
  boolean update(Scope scope, BillingGroup group, long expectedVersion);

  /** Deletes the group if its version is {@code expectedVersion}; false otherwise. */
  boolean delete(Scope scope, String name, long expectedVersion);

  /**
   * Groups whose names start with {@code namePrefix} (null for all) and sort after {@code
   * afterName}, in name order.
   */
  List<BillingGroup> list(Scope scope, String namePrefix, String afterName, int limit);

  /** Names of the things in the group that sort after {@code afterThing}, in name order. */
  List<String> things(Scope scope, String groupName, String afterThing, int limit);
}
