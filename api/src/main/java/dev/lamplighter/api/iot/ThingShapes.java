package dev.lamplighter.api.iot;

import java.util.List;
import java.util.Map;

/** Wire records of the thing operations, named after the AWS model's members. */
final class ThingShapes {
  private ThingShapes() {}

  record AttributePayload(Map<String, String> attributes, Boolean merge) {}

  record CreateThingRequest(
      String thingName,
      String thingTypeName,
      AttributePayload attributePayload,
      String billingGroupName) {}

  record CreateThingResponse(String thingName, String thingArn, String thingId) {}

  record ThingNameRequest(String thingName) {}

  record DescribeThingResponse(
      String defaultClientId,
      String thingName,
      String thingId,
      String thingArn,
      String thingTypeName,
      Map<String, String> attributes,
      Long version,
      String billingGroupName) {}

  record UpdateThingRequest(
      String thingName,
      String thingTypeName,
      AttributePayload attributePayload,
      Long expectedVersion,
      Boolean removeThingType) {}

  record DeleteThingRequest(String thingName, Long expectedVersion) {}

  record ListThingsRequest(
      String nextToken,
      Integer maxResults,
      String attributeName,
      String attributeValue,
      String thingTypeName,
      Boolean usePrefixAttributeValue) {}

  record ThingAttribute(
      String thingName,
      String thingTypeName,
      String thingArn,
      Map<String, String> attributes,
      Long version) {}

  record ListThingsResponse(List<ThingAttribute> things, String nextToken) {}
}
