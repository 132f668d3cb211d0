package dev.lamplighter.index.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.DynamicThingGroups;
import dev.lamplighter.index.IndexQuery;
import dev.lamplighter.index.internal.query.FleetQueryParser;
import dev.lamplighter.registry.DynamicThingGroupService;
import dev.lamplighter.registry.DynamicThingGroupUpdate;
import dev.lamplighter.registry.NewDynamicThingGroup;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupService;

/** Checks a dynamic group's query against the scope's index, then has the registry store it. */
final class DynamicThingGroupsImpl implements DynamicThingGroups {
  private final DynamicThingGroupService groups;
  private final ThingGroupService thingGroups;
  private final ScopeConfigurations configurations;

  DynamicThingGroupsImpl(Registry registry, ScopeConfigurations configurations) {
    this.groups = registry.dynamicThingGroups();
    this.thingGroups = registry.thingGroups();
    this.configurations = configurations;
  }

  @Override
  public ThingGroup create(Scope scope, NewDynamicThingGroup group) {
    check(scope, group.indexName(), group.queryString(), group.queryVersion());
    return groups.create(scope, group);
  }

  @Override
  public ThingGroup update(Scope scope, DynamicThingGroupUpdate update) {
    if (update.queryString() != null
        || update.indexName() != null
        || update.queryVersion() != null) {
      ThingGroup current = thingGroups.describe(scope, update.name());
      String query = update.queryString();
      if (query == null && current.dynamic() != null) {
        query = current.dynamic().queryString();
      }
      check(scope, update.indexName(), query, update.queryVersion());
    }
    return groups.update(scope, update);
  }

  @Override
  public void delete(Scope scope, String name, Long expectedVersion) {
    groups.delete(scope, name, expectedVersion);
  }

  private void check(Scope scope, String indexName, String queryString, String queryVersion) {
    if (indexName != null && !IndexQuery.THINGS.equals(indexName)) {
      throw new ServiceException(
          ErrorCode.INVALID_REQUEST,
          "Index " + indexName + " is not supported for dynamic thing groups; use AWS_Things");
    }
    if (queryVersion != null && !IndexQuery.QUERY_VERSION.equals(queryVersion)) {
      throw new ServiceException(
          ErrorCode.INVALID_REQUEST,
          "Query version " + queryVersion + " is not supported; use " + IndexQuery.QUERY_VERSION);
    }
    if (!configurations.configuration(scope).thingsIndexed()) {
      throw new ServiceException(
          ErrorCode.INVALID_REQUEST,
          "Dynamic thing groups need thing indexing; turn it on with UpdateIndexingConfiguration");
    }
    if (queryString != null) {
      FleetQueryParser.parse(queryString, configurations.things(scope));
    }
  }
}
