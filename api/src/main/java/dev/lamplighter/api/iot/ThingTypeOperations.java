package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.ThingTypeShapes.CreateThingTypeRequest;
import dev.lamplighter.api.iot.ThingTypeShapes.CreateThingTypeResponse;
import dev.lamplighter.api.iot.ThingTypeShapes.DeprecateThingTypeRequest;
import dev.lamplighter.api.iot.ThingTypeShapes.DescribeThingTypeResponse;
import dev.lamplighter.api.iot.ThingTypeShapes.ListThingTypesRequest;
import dev.lamplighter.api.iot.ThingTypeShapes.ListThingTypesResponse;
import dev.lamplighter.api.iot.ThingTypeShapes.Mqtt5Configuration;
import dev.lamplighter.api.iot.ThingTypeShapes.ThingTypeDefinition;
import dev.lamplighter.api.iot.ThingTypeShapes.ThingTypeMetadata;
import dev.lamplighter.api.iot.ThingTypeShapes.ThingTypeNameRequest;
import dev.lamplighter.api.iot.ThingTypeShapes.ThingTypeProperties;
import dev.lamplighter.api.iot.ThingTypeShapes.UpdateThingTypeRequest;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.NewThingType;
import dev.lamplighter.registry.PropagatingAttribute;
import dev.lamplighter.registry.ThingType;
import dev.lamplighter.registry.ThingTypeService;
import dev.lamplighter.registry.ThingTypeUpdate;
import java.util.List;

/** Handlers of the thing type operations: decode, one service call, encode. */
final class ThingTypeOperations {
  private final ThingTypeService types;
  private final PageTokens pages;

  ThingTypeOperations(ThingTypeService types, PageTokens pages) {
    this.types = types;
    this.pages = pages;
  }

  Object create(Call call) {
    CreateThingTypeRequest request = call.input(CreateThingTypeRequest.class);
    ThingTypeProperties properties = request.thingTypeProperties();
    ThingType type =
        types.create(
            call.scope(),
            new NewThingType(
                request.thingTypeName(),
                properties == null ? null : properties.thingTypeDescription(),
                properties == null ? null : properties.searchableAttributes(),
                properties == null ? null : propagating(properties.mqtt5Configuration()),
                TagShapes.registryTags(request.tags())));
    return new CreateThingTypeResponse(type.name(), arn(call.scope(), type), type.thingTypeId());
  }

  Object describe(Call call) {
    ThingType type =
        types.describe(call.scope(), call.input(ThingTypeNameRequest.class).thingTypeName());
    return new DescribeThingTypeResponse(
        type.name(), type.thingTypeId(), arn(call.scope(), type), properties(type), metadata(type));
  }

  Object list(Call call) {
    ListThingTypesRequest request = call.input(ListThingTypesRequest.class);
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            request.thingTypeName());
    Page<ThingType> result = types.list(call.scope(), request.thingTypeName(), page);
    return new ListThingTypesResponse(
        result.items().stream()
            .map(
                t ->
                    new ThingTypeDefinition(
                        t.name(), arn(call.scope(), t), properties(t), metadata(t)))
            .toList(),
        pages.next(call, result, request.thingTypeName()));
  }

  Object deprecate(Call call) {
    DeprecateThingTypeRequest request = call.input(DeprecateThingTypeRequest.class);
    types.deprecate(
        call.scope(), request.thingTypeName(), Boolean.TRUE.equals(request.undoDeprecate()));
    return null;
  }

  Object delete(Call call) {
    types.delete(call.scope(), call.input(ThingTypeNameRequest.class).thingTypeName());
    return null;
  }

  Object update(Call call) {
    UpdateThingTypeRequest request = call.input(UpdateThingTypeRequest.class);
    ThingTypeProperties properties = request.thingTypeProperties();
    ThingTypeUpdate update =
        properties == null
            ? new ThingTypeUpdate(null, null, null)
            : new ThingTypeUpdate(
                properties.thingTypeDescription(),
                properties.searchableAttributes(),
                propagating(properties.mqtt5Configuration()));
    types.update(call.scope(), request.thingTypeName(), update);
    return null;
  }

  private static ThingTypeProperties properties(ThingType type) {
    Mqtt5Configuration mqtt5 =
        type.propagatingAttributes().isEmpty()
            ? null
            : new Mqtt5Configuration(
                type.propagatingAttributes().stream()
                    .map(
                        p ->
                            new ThingTypeShapes.PropagatingAttribute(
                                p.userPropertyKey(), p.thingAttribute(), p.connectionAttribute()))
                    .toList());
    return new ThingTypeProperties(type.description(), type.searchableAttributes(), mqtt5);
  }

  private static ThingTypeMetadata metadata(ThingType type) {
    return new ThingTypeMetadata(type.deprecated(), type.deprecatedAt(), type.createdAt());
  }

  private static List<PropagatingAttribute> propagating(Mqtt5Configuration mqtt5) {
    if (mqtt5 == null || mqtt5.propagatingAttributes() == null) {
      return mqtt5 == null ? null : List.of();
    }
    return mqtt5.propagatingAttributes().stream()
        .map(
            p ->
                new PropagatingAttribute(
                    p.userPropertyKey(), p.thingAttribute(), p.connectionAttribute()))
        .toList();
  }

  private static String arn(Scope scope, ThingType type) {
    return Arn.of(scope, ResourceType.THING_TYPE, type.name()).toString();
  }
}
