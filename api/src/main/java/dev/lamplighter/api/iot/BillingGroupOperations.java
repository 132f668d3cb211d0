package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.GroupShapes.BillingGroupMembershipRequest;
import dev.lamplighter.api.iot.GroupShapes.BillingGroupMetadata;
import dev.lamplighter.api.iot.GroupShapes.BillingGroupNameRequest;
import dev.lamplighter.api.iot.GroupShapes.BillingGroupProperties;
import dev.lamplighter.api.iot.GroupShapes.CreateBillingGroupRequest;
import dev.lamplighter.api.iot.GroupShapes.CreateBillingGroupResponse;
import dev.lamplighter.api.iot.GroupShapes.DeleteBillingGroupRequest;
import dev.lamplighter.api.iot.GroupShapes.DescribeBillingGroupResponse;
import dev.lamplighter.api.iot.GroupShapes.GroupNameAndArn;
import dev.lamplighter.api.iot.GroupShapes.ListBillingGroupsRequest;
import dev.lamplighter.api.iot.GroupShapes.ListBillingGroupsResponse;
import dev.lamplighter.api.iot.GroupShapes.ListThingsInBillingGroupRequest;
import dev.lamplighter.api.iot.GroupShapes.ThingNamesResponse;
import dev.lamplighter.api.iot.GroupShapes.UpdateBillingGroupRequest;
import dev.lamplighter.api.iot.GroupShapes.VersionResponse;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.BillingGroup;
import dev.lamplighter.registry.BillingGroupService;
import dev.lamplighter.registry.NewBillingGroup;
import dev.lamplighter.registry.ResourceNames;

/** Handlers of the billing group operations: decode, one service call, encode. */
final class BillingGroupOperations {
  private final BillingGroupService groups;
  private final PageTokens pages;

  BillingGroupOperations(BillingGroupService groups, PageTokens pages) {
    this.groups = groups;
    this.pages = pages;
  }

  Object create(Call call) {
    CreateBillingGroupRequest request = call.input(CreateBillingGroupRequest.class);
    BillingGroupProperties properties = request.billingGroupProperties();
    BillingGroup group =
        groups.create(
            call.scope(),
            new NewBillingGroup(
                request.billingGroupName(),
                properties == null ? null : properties.billingGroupDescription(),
                TagShapes.registryTags(request.tags())));
    return new CreateBillingGroupResponse(
        group.name(), arn(call.scope(), group.name()), group.groupId());
  }

  Object describe(Call call) {
    BillingGroup group =
        groups.describe(call.scope(), call.input(BillingGroupNameRequest.class).billingGroupName());
    return new DescribeBillingGroupResponse(
        group.name(),
        group.groupId(),
        arn(call.scope(), group.name()),
        group.version(),
        new BillingGroupProperties(group.description()),
        new BillingGroupMetadata(group.createdAt()));
  }

  Object update(Call call) {
    UpdateBillingGroupRequest request = call.input(UpdateBillingGroupRequest.class);
    BillingGroupProperties properties = request.billingGroupProperties();
    BillingGroup updated =
        groups.update(
            call.scope(),
            request.billingGroupName(),
            properties == null ? null : properties.billingGroupDescription(),
            request.expectedVersion());
    return new VersionResponse(updated.version());
  }

  Object delete(Call call) {
    DeleteBillingGroupRequest request = call.input(DeleteBillingGroupRequest.class);
    groups.delete(call.scope(), request.billingGroupName(), request.expectedVersion());
    return null;
  }

  Object list(Call call) {
    ListBillingGroupsRequest request = call.input(ListBillingGroupsRequest.class);
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            request.namePrefixFilter());
    Page<BillingGroup> result = groups.list(call.scope(), request.namePrefixFilter(), page);
    return new ListBillingGroupsResponse(
        result.items().stream()
            .map(g -> new GroupNameAndArn(g.name(), arn(call.scope(), g.name())))
            .toList(),
        pages.next(call, result, request.namePrefixFilter()));
  }

  Object addThing(Call call) {
    BillingGroupMembershipRequest request = call.input(BillingGroupMembershipRequest.class);
    groups.addThing(call.scope(), groupName(call, request), thingName(call, request));
    return null;
  }

  Object removeThing(Call call) {
    BillingGroupMembershipRequest request = call.input(BillingGroupMembershipRequest.class);
    groups.removeThing(call.scope(), groupName(call, request), thingName(call, request));
    return null;
  }

  Object listThings(Call call) {
    ListThingsInBillingGroupRequest request = call.input(ListThingsInBillingGroupRequest.class);
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            request.billingGroupName());
    Page<String> result = groups.listThings(call.scope(), request.billingGroupName(), page);
    return new ThingNamesResponse(
        result.items(), pages.next(call, result, request.billingGroupName()));
  }

  private static String groupName(Call call, BillingGroupMembershipRequest request) {
    return ResourceNames.nameOrArn(
        call.scope(),
        ResourceType.BILLING_GROUP,
        "billingGroup",
        request.billingGroupName(),
        request.billingGroupArn());
  }

  private static String thingName(Call call, BillingGroupMembershipRequest request) {
    return ResourceNames.nameOrArn(
        call.scope(), ResourceType.THING, "thing", request.thingName(), request.thingArn());
  }

  private static String arn(Scope scope, String name) {
    return Arn.of(scope, ResourceType.BILLING_GROUP, name).toString();
  }
}
