package dev.lamplighter.index.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.IndexDescription;
import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexQuery;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.IndexingConfiguration.ThingIndexingMode;
import dev.lamplighter.index.IndexingConfigurations;
import dev.lamplighter.index.internal.query.FieldCatalogue;
import dev.lamplighter.index.internal.query.IndexKind;
import dev.lamplighter.index.spi.IndexPorts;
import dev.lamplighter.registry.DynamicThingGroupService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The indexing configuration of each scope, and what DescribeIndex and ListIndices tell of it. */
final class IndexingConfigurationsImpl implements IndexingConfigurations {
  /** A shadow name, as the shadow service accepts it. */
  private static final Pattern SHADOW_NAME = Pattern.compile("[$a-zA-Z0-9:_-]{1,64}");

  private final IndexPorts ports;
  private final ScopeConfigurations configurations;
  private final DynamicThingGroupService dynamicGroups;
  private final IndexReadiness readiness;

  IndexingConfigurationsImpl(
      IndexPorts ports,
      ScopeConfigurations configurations,
      DynamicThingGroupService dynamicGroups,
      IndexReadiness readiness) {
    this.ports = ports;
    this.configurations = configurations;
    this.dynamicGroups = dynamicGroups;
    this.readiness = readiness;
  }

  @Override
  public IndexingConfiguration get(Scope scope) {
    return configurations.load(scope);
  }

  @Override
  public IndexingConfiguration update(Scope scope, UnaryOperator<IndexingConfiguration> change) {
    IndexingConfiguration updated =
        ports
            .transactions()
            .inTransaction(
                () -> {
                  IndexingConfiguration current = configurations.load(scope);
                  IndexingConfiguration next = change.apply(current);
                  validate(scope, current, next);
                  ports.indexingConfigurations().put(scope, next);
                  ports
                      .changeLog()
                      .append(
                          ChangeRecord.updated(scope, ResourceType.INDEX, IndexQuery.THINGS, next));
                  return next;
                });
    configurations.forget(scope);
    return updated;
  }

  @Override
  public List<IndexField> managedFields(IndexingConfiguration configuration, String indexName) {
    FieldCatalogue catalogue =
        IndexNames.kind(indexName) == IndexKind.THINGS
            ? FieldCatalogue.things(configuration)
            : FieldCatalogue.thingGroups(configuration);
    return catalogue.managedFields();
  }

  @Override
  public IndexDescription describe(Scope scope, String indexName) {
    IndexKind kind = IndexNames.kind(indexName);
    IndexingConfiguration configuration = configurations.configuration(scope);
    if (!IndexNames.enabled(configuration, kind)) {
      throw IndexNames.notFound(indexName);
    }
    IndexDescription.Status status =
        readiness.ready() ? IndexDescription.Status.ACTIVE : IndexDescription.Status.BUILDING;
    return new IndexDescription(indexName, status, schema(configuration, kind));
  }

  @Override
  public List<String> list(Scope scope) {
    IndexingConfiguration configuration = configurations.configuration(scope);
    List<String> names = new ArrayList<>();
    for (IndexKind kind : List.of(IndexKind.THINGS, IndexKind.THING_GROUPS)) {
      if (IndexNames.enabled(configuration, kind)) {
        names.add(IndexNames.name(kind));
      }
    }
    names.sort(null);
    return names;
  }

  /** AWS's IndexSchema: what the index holds. */
  private static String schema(IndexingConfiguration configuration, IndexKind kind) {
    if (kind == IndexKind.THING_GROUPS) {
      return "THING_GROUPS";
    }
    StringBuilder schema = new StringBuilder("REGISTRY");
    if (configuration.thingIndexingMode() == ThingIndexingMode.REGISTRY_AND_SHADOW) {
      schema.append("_AND_SHADOW");
    }
    if (configuration.connectivityIndexed()) {
      schema.append("_AND_CONNECTIVITY_STATUS");
    }
    return schema.toString();
  }

  private void validate(Scope scope, IndexingConfiguration current, IndexingConfiguration next) {
    if (!next.thingsIndexed()
        && next.thingConnectivityIndexingMode()
            != IndexingConfiguration.ConnectivityIndexingMode.OFF) {
      throw invalid("thingConnectivityIndexingMode STATUS requires thingIndexingMode to be on");
    }
    if (!next.thingsIndexed()
        && current.thingsIndexed()
        && !dynamicGroups.list(scope, PageRequest.first(1)).items().isEmpty()) {
      throw invalid("Thing indexing cannot be turned off while dynamic thing groups exist");
    }
    checkNamedShadows(next);
    checkCustomFields(
        current.thingCustomFields(), next.thingCustomFields(), FieldCatalogue.things(next));
    checkCustomFields(
        current.thingGroupCustomFields(),
        next.thingGroupCustomFields(),
        FieldCatalogue.thingGroups(next));
  }

  /**
   * Named shadow indexing needs thing indexing, as connectivity does; the filter holds at most 10
   * distinct shadow names.
   */
  private static void checkNamedShadows(IndexingConfiguration next) {
    if (!next.thingsIndexed() && "ON".equals(next.namedShadowIndexingMode())) {
      throw invalid("namedShadowIndexingMode ON requires thingIndexingMode to be on");
    }
    List<String> names = next.namedShadowNames();
    if (names.size() > IndexingConfiguration.MAX_NAMED_SHADOW_NAMES) {
      throw invalid(
          "filter.namedShadowNames holds at most "
              + IndexingConfiguration.MAX_NAMED_SHADOW_NAMES
              + " names, not "
              + names.size());
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name == null || !SHADOW_NAME.matcher(name).matches()) {
        throw invalid(
            "Shadow name "
                + name
                + " in filter.namedShadowNames is not 1 to 64 of [$a-zA-Z0-9:_-]");
      }
      if (!seen.add(name)) {
        throw invalid("Shadow name " + name + " is in filter.namedShadowNames more than once");
      }
    }
  }

  private static void checkCustomFields(
      List<IndexField> current, List<IndexField> next, FieldCatalogue managed) {
    Map<String, IndexField.FieldType> before = new HashMap<>();
    current.forEach(field -> before.put(field.name(), field.type()));
    Map<String, IndexField.FieldType> seen = new HashMap<>();
    for (IndexField field : next) {
      if (seen.put(field.name(), field.type()) != null) {
        throw invalid("Custom field " + field.name() + " is declared more than once");
      }
      if (managed.managedFields().stream().anyMatch(m -> m.name().equals(field.name()))) {
        throw invalid("Custom field " + field.name() + " is a managed field");
      }
      if (!managed.acceptsCustomField(field.name())) {
        throw invalid(
            "Custom field "
                + field.name()
                + " is not supported; custom fields name an attribute, as attributes.<name>, or a"
                + " value of an indexed shadow, as shadow.reported.<path> or"
                + " shadow.name.<shadowName>.desired.<path>");
      }
      IndexField.FieldType previous = before.get(field.name());
      if (previous != null && previous != field.type()) {
        throw invalid(
            "Custom field "
                + field.name()
                + " is indexed as "
                + previous
                + "; its type cannot change");
      }
    }
  }

  private static ServiceException invalid(String message) {
    return new ServiceException(ErrorCode.INVALID_REQUEST, message);
  }
}
