package dev.lamplighter.registry.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupQuery;
import java.util.List;
import java.util.Optional;

/**
 * Storage of thing groups, static and dynamic; names are unique per scope across both kinds,
 * listings ordered by name (binary order). A group's ancestors never change after it is stored; a
 * dynamic group has none.
 */
public interface ThingGroupRepository {

  Optional<ThingGroup> find(Scope scope, String name);

  /**
   * Stores a new group.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when a group of
   *     that name exists
   */
  void insert(Scope scope, ThingGroup group);

  /**
   * Replaces the group's description, attributes, version and (of a dynamic group) query and status
   * if its stored version is {@code expectedVersion}; its place in the hierarchy and its kind are
   * not changed.
   *
   * @return false when the group is gone or its version moved on (nothing is written then)
   */
  boolean update(Scope scope, ThingGroup group, long expectedVersion);

  /**
   * Deletes the group if its stored version is {@code expectedVersion}.
   *
   * @return false when it is gone or its version moved on
   */
  boolean delete(Scope scope, String name, long expectedVersion);

  /** How many groups have this group as their parent. */
  int countChildren(Scope scope, String name);

  /**
   * Groups matching {@code query} whose names sort after {@code afterName}, in name order. Without
   * a parent, all groups of the scope, or without {@code recursive} the roots only; with a parent,
   * all its descendants, or without {@code recursive} its children only. Index-backed: a listing
   * below a parent does not read other hierarchies.
   *
   * @param afterName exclusive lower bound, or null
   */
  List<ThingGroup> list(Scope scope, ThingGroupQuery query, String afterName, int limit);

  /** How many dynamic groups the scope has. */
  int countDynamic(Scope scope);

  /**
   * The dynamic groups of the scope whose names sort after {@code afterName}, in name order.
   *
   * @param afterName exclusive lower bound, or null
   */
  List<ThingGroup> listDynamic(Scope scope, String afterName, int limit);
}
