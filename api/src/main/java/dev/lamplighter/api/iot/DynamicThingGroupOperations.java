package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.iot.GroupShapes.DeleteThingGroupRequest;
import dev.lamplighter.api.iot.GroupShapes.ThingGroupProperties;
import dev.lamplighter.api.iot.GroupShapes.VersionResponse;
import dev.lamplighter.api.iot.IndexShapes.CreateDynamicThingGroupRequest;
import dev.lamplighter.api.iot.IndexShapes.CreateDynamicThingGroupResponse;
import dev.lamplighter.api.iot.IndexShapes.UpdateDynamicThingGroupRequest;
import dev.lamplighter.api.iot.ThingShapes.AttributePayload;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.index.DynamicThingGroups;
import dev.lamplighter.registry.DynamicThingGroupUpdate;
import dev.lamplighter.registry.NewDynamicThingGroup;
import dev.lamplighter.registry.ThingGroup;

/** Handlers of the dynamic thing group operations: decode, one service call, encode. */
final class DynamicThingGroupOperations {
  private final DynamicThingGroups groups;

  DynamicThingGroupOperations(DynamicThingGroups groups) {
    this.groups = groups;
  }

  Object create(Call call) {
    CreateDynamicThingGroupRequest request = call.input(CreateDynamicThingGroupRequest.class);
    ThingGroupProperties properties = request.thingGroupProperties();
    AttributePayload payload = properties == null ? null : properties.attributePayload();
    ThingGroup group =
        groups.create(
            call.scope(),
            new NewDynamicThingGroup(
                request.thingGroupName(),
                properties == null ? null : properties.thingGroupDescription(),
                payload == null ? null : payload.attributes(),
                TagShapes.registryTags(request.tags()),
                request.indexName(),
                request.queryString(),
                request.queryVersion()));
    return new CreateDynamicThingGroupResponse(
        group.name(),
        Arn.of(call.scope(), ResourceType.THING_GROUP, group.name()).toString(),
        group.groupId(),
        group.dynamic().indexName(),
        group.dynamic().queryString(),
        group.dynamic().queryVersion());
  }

  Object update(Call call) {
    UpdateDynamicThingGroupRequest request = call.input(UpdateDynamicThingGroupRequest.class);
    ThingGroupProperties properties = request.thingGroupProperties();
    AttributePayload payload = properties == null ? null : properties.attributePayload();
    ThingGroup updated =
        groups.update(
            call.scope(),
            new DynamicThingGroupUpdate(
                request.thingGroupName(),
                properties == null ? null : properties.thingGroupDescription(),
                payload == null ? null : payload.attributes(),
                payload != null && Boolean.TRUE.equals(payload.merge()),
                request.expectedVersion(),
                request.indexName(),
                request.queryString(),
                request.queryVersion()));
    return new VersionResponse(updated.version());
  }

  Object delete(Call call) {
    DeleteThingGroupRequest request = call.input(DeleteThingGroupRequest.class);
    groups.delete(call.scope(), request.thingGroupName(), request.expectedVersion());
    return null;
  }
}
