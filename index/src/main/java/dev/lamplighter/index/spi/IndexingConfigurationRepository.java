package dev.lamplighter.index.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.IndexingConfiguration;
import java.util.Optional;

/** The indexing configuration of each scope. */
public interface IndexingConfigurationRepository {

  /** The scope's configuration, or empty when it was never updated. */
  Optional<IndexingConfiguration> find(Scope scope);

  /** Stores the scope's configuration, replacing the previous one. */
  void put(Scope scope, IndexingConfiguration configuration);
}
