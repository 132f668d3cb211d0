package dev.lamplighter.index.internal;

import dev.lamplighter.index.DynamicThingGroups;
import dev.lamplighter.index.FleetIndexSettings;
import dev.lamplighter.index.FleetSearch;
import dev.lamplighter.index.IndexingConfigurations;
import dev.lamplighter.index.spi.IndexPorts;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.ThingGroupService;
import dev.lamplighter.shadow.ShadowService;
import java.nio.file.Path;
import org.apache.lucene.analysis.core.KeywordAnalyzer;

/** Wires the Lucene index, the change feed that fills it, and the services that read it. */
public final class FleetIndexEngine implements AutoCloseable {
  private final LuceneIndex index;
  private final ChangeFeed feed;
  private final FleetSearch search;
  private final IndexingConfigurations configurations;
  private final DynamicThingGroups dynamicThingGroups;
  private final ThingGroupService thingGroups;
  private final ScopeConfigurations scopeConfigurations;
  private final IndexPorts ports;
  private Thread warmUp;

  private FleetIndexEngine(
      Path directory,
      IndexPorts ports,
      Registry registry,
      ShadowService shadows,
      FleetIndexSettings settings) {
    // Every field is indexed as exact terms; nothing is tokenized.
    this.index = LuceneIndex.open(directory, new KeywordAnalyzer());
    IndexReadiness readiness = new IndexReadiness(index.committedSequence() == 0);
    ScopeConfigurations scopeConfigurations = new ScopeConfigurations(ports);
    this.scopeConfigurations = scopeConfigurations;
    this.ports = ports;
    DynamicMembership membership = new DynamicMembership(index, registry, scopeConfigurations);
    IndexUpdater updater =
        new IndexUpdater(index, registry, scopeConfigurations, shadows, membership, readiness);
    this.feed =
        new ChangeFeed(
            ports.changeLog(),
            updater,
            index.committedSequence(),
            settings.pollInterval(),
            settings.commitInterval());
    IndexReadWait readWait = new IndexReadWait(ports.changeLog(), feed, settings.readWait());
    this.search = new LuceneFleetSearch(index, scopeConfigurations, readiness, readWait);
    this.thingGroups = new MembershipReads(registry.thingGroups(), readWait);
    this.configurations =
        new IndexingConfigurationsImpl(
            ports, scopeConfigurations, registry.dynamicThingGroups(), readiness);
    this.dynamicThingGroups = new DynamicThingGroupsImpl(registry, scopeConfigurations);
  }

  public static FleetIndexEngine open(
      Path directory,
      IndexPorts ports,
      Registry registry,
      ShadowService shadows,
      FleetIndexSettings settings) {
    return new FleetIndexEngine(directory, ports, registry, shadows, settings);
  }

  /**
   * Warms the paths of a write and a search, then follows the log, on a thread of its own so the
   * server's start does not wait for it (reads meanwhile wait for the feed as usual).
   */
  public void start() {
    warmUp =
        new Thread(
            () -> {
              IndexWarmUp.run(index, scopeConfigurations, ports.changeLog());
              feed.start();
            },
            "fleet-index-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  public FleetSearch search() {
    return search;
  }

  public IndexingConfigurations configurations() {
    return configurations;
  }

  public DynamicThingGroups dynamicThingGroups() {
    return dynamicThingGroups;
  }

  public ThingGroupService thingGroups() {
    return thingGroups;
  }

  @Override
  public void close() {
    if (warmUp != null) {
      try {
        // The feed must not start after it was closed.
        warmUp.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    feed.close();
    index.close();
  }
}
