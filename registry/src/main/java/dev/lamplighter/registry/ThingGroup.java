package dev.lamplighter.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A thing group, static or dynamic. A static group's place in the hierarchy is fixed at creation:
 * {@code ancestors} lists the groups above it from the root down to its parent. A dynamic group
 * carries the query that decides its members; it is always a root and never a parent, because AWS
 * keeps dynamic groups out of hierarchies.
 *
 * @param name unique within its scope
 * @param groupId a UUID assigned at creation
 * @param ancestors the root first, the parent last; empty for a root group
 * @param description free text, or null
 * @param attributes name-value pairs, ordered by name
 * @param version starts at 1 and grows by one with every update
 * @param createdAt when the group was created
 * @param dynamic the query and status of a dynamic group; null for a static group
 */
public record ThingGroup(
    String name,
    String groupId,
    List<String> ancestors,
    String description,
    Map<String, String> attributes,
    long version,
    Instant createdAt,
    DynamicGroupDefinition dynamic) {
  /** The deepest a hierarchy may be: a root and six levels of descendants. */
  public static final int MAX_DEPTH = 7;

  public ThingGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(groupId, "groupId");
    ancestors = List.copyOf(ancestors);
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    Objects.requireNonNull(createdAt, "createdAt");
    if (dynamic != null && !ancestors.isEmpty()) {
      throw new IllegalArgumentException("a dynamic thing group has no parent: " + name);
    }
  }

  /** A static group. */
  public ThingGroup(
      String name,
      String groupId,
      List<String> ancestors,
      String description,
      Map<String, String> attributes,
      long version,
      Instant createdAt) {
    this(name, groupId, ancestors, description, attributes, version, createdAt, null);
  }

  /** The same group with another dynamic status; the version stays. */
  public ThingGroup withStatus(DynamicGroupStatus status) {
    if (dynamic == null) {
      throw new IllegalStateException("a static thing group has no status: " + name);
    }
    return new ThingGroup(
        name,
        groupId,
        ancestors,
        description,
        attributes,
        version,
        createdAt,
        dynamic.withStatus(status));
  }

  /** The parent group, or null for a root group. */
  public String parentName() {
    return ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
  }

  /** The root of this group's hierarchy (itself for a root group). */
  public String rootName() {
    return ancestors.isEmpty() ? name : ancestors.get(0);
  }

  /** 1 for a root group, 2 for its children, and so on. */
  public int depth() {
    return ancestors.size() + 1;
  }

  /** This group followed by its ancestors, nearest first: every group a member belongs to. */
  public List<String> selfAndAncestors() {
    List<String> groups = new ArrayList<>(ancestors.size() + 1);
    groups.add(name);
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      groups.add(ancestors.get(i));
    }
    return groups;
  }
}
