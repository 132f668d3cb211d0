package dev.lamplighter.api.iot;

import java.time.Instant;
import java.util.List;

/** Wire records of the thing type operations, named after the AWS model's members. */
final class ThingTypeShapes {
  private ThingTypeShapes() {}

  record PropagatingAttribute(
      String userPropertyKey, String thingAttribute, String connectionAttribute) {}

  record Mqtt5Configuration(List<PropagatingAttribute> propagatingAttributes) {}

  record ThingTypeProperties(
      String thingTypeDescription,
      List<String> searchableAttributes,
      Mqtt5Configuration mqtt5Configuration) {}

  record ThingTypeMetadata(Boolean deprecated, Instant deprecationDate, Instant creationDate) {}

  record CreateThingTypeRequest(
      String thingTypeName, ThingTypeProperties thingTypeProperties, List<TagShapes.Tag> tags) {}

  record CreateThingTypeResponse(String thingTypeName, String thingTypeArn, String thingTypeId) {}

  record ThingTypeNameRequest(String thingTypeName) {}

  record DescribeThingTypeResponse(
      String thingTypeName,
      String thingTypeId,
      String thingTypeArn,
      ThingTypeProperties thingTypeProperties,
      ThingTypeMetadata thingTypeMetadata) {}

  record ListThingTypesRequest(String nextToken, Integer maxResults, String thingTypeName) {}

  record ThingTypeDefinition(
      String thingTypeName,
      String thingTypeArn,
      ThingTypeProperties thingTypeProperties,
      ThingTypeMetadata thingTypeMetadata) {}

  record ListThingTypesResponse(List<ThingTypeDefinition> thingTypes, String nextToken) {}

  record DeprecateThingTypeRequest(String thingTypeName, Boolean undoDeprecate) {}

  record UpdateThingTypeRequest(String thingTypeName, ThingTypeProperties thingTypeProperties) {}
}
