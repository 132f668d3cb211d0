package dev.lamplighter.registry.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.EventConfigurations;
import java.util.Optional;

/** Each scope's event configurations, one row per scope once written. */
public interface EventConfigurationRepository {

  Optional<EventConfigurations> find(Scope scope);

  /** Inserts or replaces the scope's configurations. */
  void save(Scope scope, EventConfigurations configurations);
}
