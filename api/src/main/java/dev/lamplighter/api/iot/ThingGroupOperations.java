package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.GroupShapes.CreateThingGroupRequest;
import dev.lamplighter.api.iot.GroupShapes.CreateThingGroupResponse;
import dev.lamplighter.api.iot.GroupShapes.DeleteThingGroupRequest;
import dev.lamplighter.api.iot.GroupShapes.DescribeThingGroupResponse;
import dev.lamplighter.api.iot.GroupShapes.GroupNameAndArn;
import dev.lamplighter.api.iot.GroupShapes.ListThingGroupsForThingRequest;
import dev.lamplighter.api.iot.GroupShapes.ListThingGroupsRequest;
import dev.lamplighter.api.iot.GroupShapes.ListThingGroupsResponse;
import dev.lamplighter.api.iot.GroupShapes.ListThingsInThingGroupRequest;
import dev.lamplighter.api.iot.GroupShapes.ThingGroupMembershipRequest;
import dev.lamplighter.api.iot.GroupShapes.ThingGroupMetadata;
import dev.lamplighter.api.iot.GroupShapes.ThingGroupNameRequest;
import dev.lamplighter.api.iot.GroupShapes.ThingGroupProperties;
import dev.lamplighter.api.iot.GroupShapes.ThingNamesResponse;
import dev.lamplighter.api.iot.GroupShapes.UpdateThingGroupRequest;
import dev.lamplighter.api.iot.GroupShapes.UpdateThingGroupsForThingRequest;
import dev.lamplighter.api.iot.GroupShapes.VersionResponse;
import dev.lamplighter.api.iot.ThingShapes.AttributePayload;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicGroupDefinition;
import dev.lamplighter.registry.NewThingGroup;
import dev.lamplighter.registry.ResourceNames;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupQuery;
import dev.lamplighter.registry.ThingGroupService;
import dev.lamplighter.registry.ThingGroupUpdate;
import java.util.List;

/** Handlers of the thing group operations: decode, one service call, encode. */
final class ThingGroupOperations {
  private final ThingGroupService groups;
  private final PageTokens pages;

  ThingGroupOperations(ThingGroupService groups, PageTokens pages) {
    this.groups = groups;
    this.pages = pages;
  }

  Object create(Call call) {
    CreateThingGroupRequest request = call.input(CreateThingGroupRequest.class);
    ThingGroupProperties properties = request.thingGroupProperties();
    AttributePayload payload = properties == null ? null : properties.attributePayload();
    ThingGroup group =
        groups.create(
            call.scope(),
            new NewThingGroup(
                request.thingGroupName(),
                request.parentGroupName(),
                properties == null ? null : properties.thingGroupDescription(),
                payload == null ? null : payload.attributes(),
                TagShapes.registryTags(request.tags())));
    return new CreateThingGroupResponse(
        group.name(), arn(call.scope(), group.name()), group.groupId());
  }

  Object describe(Call call) {
    ThingGroup group =
        groups.describe(call.scope(), call.input(ThingGroupNameRequest.class).thingGroupName());
    Scope scope = call.scope();
    DynamicGroupDefinition dynamic = group.dynamic();
    return new DescribeThingGroupResponse(
        group.name(),
        group.groupId(),
        arn(scope, group.name()),
        group.version(),
        // AWS leaves attributePayload out when the group has no attributes.
        new ThingGroupProperties(
            group.description(),
            group.attributes().isEmpty() ? null : new AttributePayload(group.attributes(), null)),
        new ThingGroupMetadata(
            group.parentName(), namesAndArns(scope, group.ancestors()), group.createdAt()),
        dynamic == null ? null : dynamic.indexName(),
        dynamic == null ? null : dynamic.queryString(),
        dynamic == null ? null : dynamic.queryVersion(),
        dynamic == null ? null : dynamic.status().name());
  }

  Object update(Call call) {
    UpdateThingGroupRequest request = call.input(UpdateThingGroupRequest.class);
    ThingGroupProperties properties = request.thingGroupProperties();
    AttributePayload payload = properties == null ? null : properties.attributePayload();
    ThingGroup updated =
        groups.update(
            call.scope(),
            new ThingGroupUpdate(
                request.thingGroupName(),
                properties == null ? null : properties.thingGroupDescription(),
                payload == null ? null : payload.attributes(),
                payload != null && Boolean.TRUE.equals(payload.merge()),
                request.expectedVersion()));
    return new VersionResponse(updated.version());
  }

  Object delete(Call call) {
    DeleteThingGroupRequest request = call.input(DeleteThingGroupRequest.class);
    groups.delete(call.scope(), request.thingGroupName(), request.expectedVersion());
    return null;
  }

  Object list(Call call) {
    ListThingGroupsRequest request = call.input(ListThingGroupsRequest.class);
    // AWS's recursive has no default: only an explicit false stops at the first level.
    ThingGroupQuery query =
        new ThingGroupQuery(
            request.parentGroup(),
            request.namePrefixFilter(),
            !Boolean.FALSE.equals(request.recursive()));
    Object[] filters = {query.parentName(), query.namePrefix(), query.recursive()};
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            filters);
    Page<ThingGroup> result = groups.list(call.scope(), query, page);
    return new ListThingGroupsResponse(
        namesAndArns(call.scope(), result.items().stream().map(ThingGroup::name).toList()),
        pages.next(call, result, filters));
  }

  Object addThing(Call call) {
    ThingGroupMembershipRequest request = call.input(ThingGroupMembershipRequest.class);
    groups.addThing(
        call.scope(),
        groupName(call, request),
        thingName(call, request),
        Boolean.TRUE.equals(request.overrideDynamicGroups()));
    return null;
  }

  Object removeThing(Call call) {
    ThingGroupMembershipRequest request = call.input(ThingGroupMembershipRequest.class);
    groups.removeThing(call.scope(), groupName(call, request), thingName(call, request));
    return null;
  }

  Object listThings(Call call) {
    ListThingsInThingGroupRequest request = call.input(ListThingsInThingGroupRequest.class);
    boolean recursive = Boolean.TRUE.equals(request.recursive());
    Object[] filters = {request.thingGroupName(), recursive};
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            filters);
    Page<String> result =
        groups.listThings(call.scope(), request.thingGroupName(), recursive, page);
    return new ThingNamesResponse(result.items(), pages.next(call, result, filters));
  }

  Object listGroupsForThing(Call call) {
    ListThingGroupsForThingRequest request = call.input(ListThingGroupsForThingRequest.class);
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            request.thingName());
    Page<String> result = groups.listGroupsForThing(call.scope(), request.thingName(), page);
    return new ListThingGroupsResponse(
        namesAndArns(call.scope(), result.items()), pages.next(call, result, request.thingName()));
  }

  Object updateGroupsForThing(Call call) {
    UpdateThingGroupsForThingRequest request = call.input(UpdateThingGroupsForThingRequest.class);
    groups.updateGroupsForThing(
        call.scope(),
        request.thingName(),
        request.thingGroupsToAdd() == null ? List.of() : request.thingGroupsToAdd(),
        request.thingGroupsToRemove() == null ? List.of() : request.thingGroupsToRemove(),
        Boolean.TRUE.equals(request.overrideDynamicGroups()));
    return null;
  }

  private static String groupName(Call call, ThingGroupMembershipRequest request) {
    return ResourceNames.nameOrArn(
        call.scope(),
        ResourceType.THING_GROUP,
        "thingGroup",
        request.thingGroupName(),
        request.thingGroupArn());
  }

  private static String thingName(Call call, ThingGroupMembershipRequest request) {
    return ResourceNames.nameOrArn(
        call.scope(), ResourceType.THING, "thing", request.thingName(), request.thingArn());
  }

  static List<GroupNameAndArn> namesAndArns(Scope scope, List<String> names) {
    return names.stream().map(name -> new GroupNameAndArn(name, arn(scope, name))).toList();
  }

  private static String arn(Scope scope, String name) {
    return Arn.of(scope, ResourceType.THING_GROUP, name).toString();
  }
}
