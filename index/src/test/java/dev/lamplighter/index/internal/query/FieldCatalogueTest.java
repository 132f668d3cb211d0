package dev.lamplighter.index.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.IndexingConfiguration;
import org.junit.jupiter.api.Test;

/** Managed fields as AWS lists them; attributes are Strings unless declared. */
class FieldCatalogueTest {

  @Test
  void things_withConnectivity_haveRegistryAndConnectivityFields() {
    assertThat(Fleet.CATALOGUE.managedFields())
        .containsExactly(
            new IndexField("thingName", FieldType.String),
            new IndexField("thingId", FieldType.String),
            new IndexField("thingTypeName", FieldType.String),
            new IndexField("thingGroupNames", FieldType.String),
            new IndexField("registry.version", FieldType.Number),
            new IndexField("connectivity.connected", FieldType.Boolean),
            new IndexField("connectivity.timestamp", FieldType.Number),
            new IndexField("connectivity.disconnectReason", FieldType.String));
    assertThat(Fleet.CATALOGUE.customFields()).hasSize(4);
  }

  @Test
  void attributes_areStrings_unlessACustomFieldTypesThem() {
    assertThat(Fleet.CATALOGUE.typeOf("attributes.anything")).contains(FieldType.String);
    assertThat(Fleet.CATALOGUE.typeOf("attributes.temperature")).contains(FieldType.Number);
    assertThat(Fleet.CATALOGUE.typeOf("attributes.enabled")).contains(FieldType.Boolean);
    assertThat(Fleet.CATALOGUE.typeOf("attributes.")).isEmpty();
    assertThat(Fleet.CATALOGUE.typeOf("shadow.reported.x")).isEmpty();
  }

  @Test
  void thingGroups_haveGroupFields() {
    FieldCatalogue groups = FieldCatalogue.thingGroups(IndexingConfiguration.DEFAULT);

    assertThat(groups.managedFields())
        .extracting(IndexField::name)
        .containsExactly(
            "thingGroupName", "thingGroupId", "thingGroupDescription", "parentGroupNames");
    assertThat(groups.typeOf("thingName")).isEmpty();
    assertThat(groups.typeOf("attributes.floor")).contains(FieldType.String);
  }
}
