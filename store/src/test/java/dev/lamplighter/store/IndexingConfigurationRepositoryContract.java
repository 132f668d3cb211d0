package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.IndexingConfiguration.ConnectivityIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.GroupIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.ThingIndexingMode;
import dev.lamplighter.index.spi.IndexingConfigurationRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link IndexingConfigurationRepository}. */
abstract class IndexingConfigurationRepositoryContract extends ContractSupport {
  private static final IndexingConfiguration CUSTOM =
      new IndexingConfiguration(
          ThingIndexingMode.REGISTRY_AND_SHADOW,
          ConnectivityIndexingMode.OFF,
          "VIOLATIONS",
          "ON",
          List.of(
              new IndexField("attributes.firmware", FieldType.String),
              new IndexField("attributes.watts", FieldType.Number),
              new IndexField("attributes.dimmable", FieldType.Boolean)),
          GroupIndexingMode.OFF,
          List.of(new IndexField("attributes.city", FieldType.String)),
          List.of("battery", "$package"));

  private IndexingConfigurationRepository configurations() {
    return store().indexPorts().indexingConfigurations();
  }

  @Test
  void aScopeNeverConfigured_hasNoConfiguration() {
    assertThat(configurations().find(newScope())).isEmpty();
  }

  @Test
  void put_storesEveryPart_andReplacesThePreviousOne() {
    Scope scope = newScope();

    configurations().put(scope, CUSTOM);
    assertThat(configurations().find(scope)).contains(CUSTOM);

    configurations().put(scope, IndexingConfiguration.DEFAULT);
    assertThat(configurations().find(scope)).contains(IndexingConfiguration.DEFAULT);
  }

  @Test
  void scopes_keepTheirConfigurationsApart() {
    Scope one = newScope();
    Scope other = newScope();

    configurations().put(one, CUSTOM);

    assertThat(configurations().find(other)).isEmpty();
  }
}
