package dev.lamplighter.index;

import dev.lamplighter.index.internal.FleetIndexEngine;
import dev.lamplighter.index.spi.IndexPorts;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.ThingGroupService;
import dev.lamplighter.shadow.ShadowService;
import java.nio.file.Path;

/**
 * The fleet index of one server node: a Lucene index in {@code directory}, derived from the store's
 * change log, the registry and the things' shadows. It never blocks API writes: it follows the log
 * on its own thread. When the directory is empty, missing or unreadable it rebuilds the index by
 * replaying the log from the start; after a crash it resumes from its last commit. Nodes sharing a
 * PostgreSQL store each keep their own index.
 *
 * <p>Reads answered from the index ({@link #search}, and {@link #thingGroups}'s dynamic
 * memberships) first wait, at most {@link FleetIndexSettings#readWait}, until the index has taken
 * in every change committed to the shared log before the read arrived: a client finds what it just
 * wrote, through any node.
 */
public final class FleetIndex implements AutoCloseable {
  private final FleetIndexEngine engine;

  private FleetIndex(FleetIndexEngine engine) {
    this.engine = engine;
  }

  /**
   * Opens (or creates) the index; call {@link #start} to have it follow the log.
   *
   * @param shadows read for the things of scopes that index shadows (thingIndexingMode
   *     REGISTRY_AND_SHADOW, or named shadow indexing ON)
   */
  public static FleetIndex open(
      Path directory,
      IndexPorts ports,
      Registry registry,
      ShadowService shadows,
      FleetIndexSettings settings) {
    return new FleetIndex(FleetIndexEngine.open(directory, ports, registry, shadows, settings));
  }

  public void start() {
    engine.start();
  }

  public FleetSearch search() {
    return engine.search();
  }

  public IndexingConfigurations configurations() {
    return engine.configurations();
  }

  public DynamicThingGroups dynamicThingGroups() {
    return engine.dynamicThingGroups();
  }

  /**
   * The registry's thing groups, where ListThingsInThingGroup on a dynamic group and
   * ListThingGroupsForThing wait, as searches do, for the index to have computed the memberships of
   * the writes committed before them; the other operations are the registry's.
   */
  public ThingGroupService thingGroups() {
    return engine.thingGroups();
  }

  /** Stops following the log and commits what was applied. */
  @Override
  public void close() {
    engine.close();
  }
}
