package dev.lamplighter.shadow.spi;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.shadow.ShadowId;
import java.util.List;
import java.util.Optional;

/**
 * Shadows, one row per thing and shadow name (the classic shadow has none), tombstones included. A
 * row exists only for an existing thing: deleting the thing deletes its rows.
 */
public interface ShadowRepository {

  /** The shadow's row, a tombstone included. */
  Optional<StoredShadow> find(Scope scope, ShadowId id);

  /**
   * Writes {@code next} if the stored row is still at {@code expectedVersion}: inserts it when
   * {@code expectedVersion} is null and there is no row.
   *
   * @return false when another writer came first; nothing is written then
   */
  boolean write(Scope scope, StoredShadow next, Long expectedVersion);

  /** The names of the thing's named shadows that are not deleted, in name order. */
  Page<String> namedShadows(Scope scope, String thingName, PageRequest page);

  /** The thing's shadows that are not deleted: the classic one first, then by name. */
  List<StoredShadow> live(Scope scope, String thingName);
}
