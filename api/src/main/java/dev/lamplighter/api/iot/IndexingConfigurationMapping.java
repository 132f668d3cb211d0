package dev.lamplighter.api.iot;

import dev.lamplighter.api.iot.IndexShapes.Field;
import dev.lamplighter.api.iot.IndexShapes.IndexingConfigurationBody;
import dev.lamplighter.api.iot.IndexShapes.IndexingFilter;
import dev.lamplighter.api.iot.IndexShapes.ThingGroupIndexingConfiguration;
import dev.lamplighter.api.iot.IndexShapes.ThingIndexingConfiguration;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.IndexingConfiguration.ConnectivityIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.GroupIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.ThingIndexingMode;
import java.util.List;

/**
 * UpdateIndexingConfiguration's body applied to the current configuration: a part that is present
 * (things, thing groups) replaces that part whole, with OFF for modes it leaves out and no custom
 * fields or named shadow filter unless it lists them; a part that is absent stays as it was. The
 * wire edge has already checked the modes against AWS's enums.
 */
final class IndexingConfigurationMapping {
  private IndexingConfigurationMapping() {}

  static IndexingConfiguration merge(
      IndexingConfiguration current, IndexingConfigurationBody request) {
    IndexingConfiguration result = current;
    ThingIndexingConfiguration things = request.thingIndexingConfiguration();
    if (things != null) {
      result =
          new IndexingConfiguration(
              ThingIndexingMode.valueOf(things.thingIndexingMode()),
              things.thingConnectivityIndexingMode() == null
                  ? ConnectivityIndexingMode.OFF
                  : ConnectivityIndexingMode.valueOf(things.thingConnectivityIndexingMode()),
              orOff(things.deviceDefenderIndexingMode()),
              orOff(things.namedShadowIndexingMode()),
              fields(things.customFields()),
              result.thingGroupIndexingMode(),
              result.thingGroupCustomFields(),
              namedShadowNames(things.filter()));
    }
    ThingGroupIndexingConfiguration groups = request.thingGroupIndexingConfiguration();
    if (groups != null) {
      result =
          new IndexingConfiguration(
              result.thingIndexingMode(),
              result.thingConnectivityIndexingMode(),
              result.deviceDefenderIndexingMode(),
              result.namedShadowIndexingMode(),
              result.thingCustomFields(),
              GroupIndexingMode.valueOf(groups.thingGroupIndexingMode()),
              fields(groups.customFields()),
              result.namedShadowNames());
    }
    return result;
  }

  private static List<String> namedShadowNames(IndexingFilter filter) {
    if (filter == null || filter.namedShadowNames() == null) {
      return List.of();
    }
    return filter.namedShadowNames();
  }

  private static String orOff(String mode) {
    return mode == null ? "OFF" : mode;
  }

  private static List<IndexField> fields(List<Field> fields) {
    if (fields == null) {
      return List.of();
    }
    return fields.stream().map(IndexingConfigurationMapping::field).toList();
  }

  private static IndexField field(Field field) {
    if (field.name() == null) {
      throw new ServiceException(ErrorCode.INVALID_REQUEST, "A custom field needs a name");
    }
    if (field.type() == null) {
      throw new ServiceException(
          ErrorCode.INVALID_REQUEST, "Custom field " + field.name() + " needs a type");
    }
    return new IndexField(field.name(), IndexField.FieldType.valueOf(field.type()));
  }
}
