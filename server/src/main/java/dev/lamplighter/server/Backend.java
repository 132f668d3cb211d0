package dev.lamplighter.server;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.config.Settings;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.jobs.Jobs;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.RegistryConfig;
import dev.lamplighter.registry.TaggableResource;
import dev.lamplighter.security.MasterKey;
import dev.lamplighter.security.Security;
import dev.lamplighter.security.SecurityConfig;
import dev.lamplighter.security.spi.SecurityPorts;
import dev.lamplighter.server.config.ServerSettings;
import dev.lamplighter.store.Store;
import dev.lamplighter.store.StoreConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain side of a Lamplighter process: data directory, master key, store and the services
 * built on them. The server and the admin commands open the same backend.
 */
public final class Backend implements AutoCloseable {
  private final Path dataDir;
  private final MasterKey masterKey;
  private final Store store;
  private final Security security;
  private final Registry registry;
  private final SecurityConfig securityConfig;

  private Backend(Settings settings, Clock clock, IdSource ids) {
    this.dataDir = DataDirectory.prepare(settings.get(ServerSettings.DATA_DIR));
    this.securityConfig = SecurityConfig.from(settings);
    this.masterKey =
        securityConfig
            .masterKey()
            .map(MasterKey::fromBase64)
            .orElseGet(() -> MasterKey.loadOrCreate(dataDir));
    this.store = Store.open(StoreConfig.from(settings, dataDir), clock);
    SecurityPorts securityPorts = store.securityPorts();
    List<TaggableResource> taggable =
        new ArrayList<>(
            List.of(
                Registry.taggable(
                    ResourceType.POLICY, (s, n) -> securityPorts.policies().find(s, n).isPresent()),
                Registry.taggable(
                    ResourceType.CA_CERTIFICATE,
                    (s, n) -> securityPorts.caCertificates().find(s, n).isPresent())));
    taggable.addAll(Jobs.taggable(store.jobsPorts()));
    this.registry =
        Registry.create(store.registryPorts(), clock, ids, RegistryConfig.from(settings), taggable);
    this.security =
        Security.create(securityPorts, masterKey, clock, ids, new SecureRandom(), registry);
  }

  /** Opens the data directory and the store, running migrations if needed. */
  public static Backend open(Settings settings, Clock clock, IdSource ids) {
    return new Backend(settings, clock, ids);
  }

  public Path dataDir() {
    return dataDir;
  }

  public MasterKey masterKey() {
    return masterKey;
  }

  public Store store() {
    return store;
  }

  public Security security() {
    return security;
  }

  public SecurityConfig securityConfig() {
    return securityConfig;
  }

  public Registry registry() {
    return registry;
  }

  @Override
  public void close() {
    store.close();
  }
}
