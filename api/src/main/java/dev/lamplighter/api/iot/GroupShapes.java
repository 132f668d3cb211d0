package dev.lamplighter.api.iot;

import java.time.Instant;
import java.util.List;

/** Wire records of the thing group and billing group operations, named after the AWS model. */
final class GroupShapes {
  private GroupShapes() {}

  record GroupNameAndArn(String groupName, String groupArn) {}

  record ThingGroupProperties(
      String thingGroupDescription, ThingShapes.AttributePayload attributePayload) {}

  record ThingGroupMetadata(
      String parentGroupName,
      List<GroupNameAndArn> rootToParentThingGroups,
      Instant creationDate) {}

  record CreateThingGroupRequest(
      String thingGroupName,
      String parentGroupName,
      ThingGroupProperties thingGroupProperties,
      List<TagShapes.Tag> tags) {}

  record CreateThingGroupResponse(
      String thingGroupName, String thingGroupArn, String thingGroupId) {}

  record ThingGroupNameRequest(String thingGroupName) {}

  record DescribeThingGroupResponse(
      String thingGroupName,
      String thingGroupId,
      String thingGroupArn,
      Long version,
      ThingGroupProperties thingGroupProperties,
      ThingGroupMetadata thingGroupMetadata,
      String indexName,
      String queryString,
      String queryVersion,
      String status) {}

  record UpdateThingGroupRequest(
      String thingGroupName, ThingGroupProperties thingGroupProperties, Long expectedVersion) {}

  record VersionResponse(Long version) {}

  record DeleteThingGroupRequest(String thingGroupName, Long expectedVersion) {}

  record ListThingGroupsRequest(
      String nextToken,
      Integer maxResults,
      String parentGroup,
      String namePrefixFilter,
      Boolean recursive) {}

  record ListThingGroupsResponse(List<GroupNameAndArn> thingGroups, String nextToken) {}

  record ThingGroupMembershipRequest(
      String thingGroupName,
      String thingGroupArn,
      String thingName,
      String thingArn,
      Boolean overrideDynamicGroups) {}

  record ListThingsInThingGroupRequest(
      String thingGroupName, Boolean recursive, String nextToken, Integer maxResults) {}

  record ThingNamesResponse(List<String> things, String nextToken) {}

  record ListThingGroupsForThingRequest(String thingName, String nextToken, Integer maxResults) {}

  record UpdateThingGroupsForThingRequest(
      String thingName,
      List<String> thingGroupsToAdd,
      List<String> thingGroupsToRemove,
      Boolean overrideDynamicGroups) {}

  record BillingGroupProperties(String billingGroupDescription) {}

  record BillingGroupMetadata(Instant creationDate) {}

  record CreateBillingGroupRequest(
      String billingGroupName,
      BillingGroupProperties billingGroupProperties,
      List<TagShapes.Tag> tags) {}

  record CreateBillingGroupResponse(
      String billingGroupName, String billingGroupArn, String billingGroupId) {}

  record BillingGroupNameRequest(String billingGroupName) {}

  record DescribeBillingGroupResponse(
      String billingGroupName,
      String billingGroupId,
      String billingGroupArn,
      Long version,
      BillingGroupProperties billingGroupProperties,
      BillingGroupMetadata billingGroupMetadata) {}

  record UpdateBillingGroupRequest(
      String billingGroupName,
      BillingGroupProperties billingGroupProperties,
      Long expectedVersion) {}

  record DeleteBillingGroupRequest(String billingGroupName, Long expectedVersion) {}

  record ListBillingGroupsRequest(String nextToken, Integer maxResults, String namePrefixFilter) {}

  record ListBillingGroupsResponse(List<GroupNameAndArn> billingGroups, String nextToken) {}

  record BillingGroupMembershipRequest(
      String billingGroupName, String billingGroupArn, String thingName, String thingArn) {}

  record ListThingsInBillingGroupRequest(
      String billingGroupName, String nextToken, Integer maxResults) {}
}
