package dev.lamplighter.registry.spi;

import dev.lamplighter.core.arn.Arn;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;

/** Storage of resource tags, keyed by the resource's ARN. */
public interface TagRepository {

  /** The resource's tags ordered by key; empty when it has none. */
  SortedMap<String, String> find(Arn resource);

  /** Adds tags to the resource, replacing the values of keys it already has. */
  void put(Arn resource, Map<String, String> tags);

  /** Removes the given keys from the resource; absent keys are ignored. */
  void remove(Arn resource, Collection<String> keys);

  /** Removes every tag of the resource (when the resource is deleted). */
  void removeAll(Arn resource);
}
