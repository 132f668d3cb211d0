package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.ThingShapes.AttributePayload;
import dev.lamplighter.api.iot.ThingShapes.CreateThingRequest;
import dev.lamplighter.api.iot.ThingShapes.CreateThingResponse;
import dev.lamplighter.api.iot.ThingShapes.DeleteThingRequest;
import dev.lamplighter.api.iot.ThingShapes.DescribeThingResponse;
import dev.lamplighter.api.iot.ThingShapes.ListThingsRequest;
import dev.lamplighter.api.iot.ThingShapes.ListThingsResponse;
import dev.lamplighter.api.iot.ThingShapes.ThingAttribute;
import dev.lamplighter.api.iot.ThingShapes.ThingNameRequest;
import dev.lamplighter.api.iot.ThingShapes.UpdateThingRequest;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.NewThing;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.registry.ThingService;
import dev.lamplighter.registry.ThingUpdate;

/** Handlers of the thing operations: decode, one service call, encode. */
final class ThingOperations {
  static final int DEFAULT_PAGE_SIZE = 50;

  private final ThingService things;
  private final PageTokens pages;

  ThingOperations(ThingService things, PageTokens pages) {
    this.things = things;
    this.pages = pages;
  }

  Object create(Call call) {
    CreateThingRequest request = call.input(CreateThingRequest.class);
    AttributePayload payload = request.attributePayload();
    Thing thing =
        things.create(
            call.scope(),
            new NewThing(
                request.thingName(),
                request.thingTypeName(),
                payload == null ? null : payload.attributes(),
                request.billingGroupName()));
    return new CreateThingResponse(thing.name(), arn(call.scope(), thing), thing.thingId());
  }

  Object describe(Call call) {
    Thing thing = things.describe(call.scope(), call.input(ThingNameRequest.class).thingName());
    return new DescribeThingResponse(
        thing.name(),
        thing.name(),
        thing.thingId(),
        arn(call.scope(), thing),
        thing.typeName(),
        thing.attributes(),
        thing.version(),
        thing.billingGroupName());
  }

  Object update(Call call) {
    UpdateThingRequest request = call.input(UpdateThingRequest.class);
    AttributePayload payload = request.attributePayload();
    things.update(
        call.scope(),
        new ThingUpdate(
            request.thingName(),
            request.thingTypeName(),
            Boolean.TRUE.equals(request.removeThingType()),
            payload == null ? null : payload.attributes(),
            payload != null && Boolean.TRUE.equals(payload.merge()),
            request.expectedVersion()));
    return null;
  }

  Object delete(Call call) {
    DeleteThingRequest request = call.input(DeleteThingRequest.class);
    things.delete(call.scope(), request.thingName(), request.expectedVersion());
    return null;
  }

  Object list(Call call) {
    ListThingsRequest request = call.input(ListThingsRequest.class);
    ThingQuery query =
        new ThingQuery(
            request.thingTypeName(),
            request.attributeName(),
            request.attributeValue(),
            Boolean.TRUE.equals(request.usePrefixAttributeValue()));
    Object[] filters = {
      query.typeName(), query.attributeName(), query.attributeValue(), query.valuePrefix()
    };
    PageRequest page =
        pages.request(call, request.maxResults(), request.nextToken(), DEFAULT_PAGE_SIZE, filters);
    Page<Thing> result = things.list(call.scope(), query, page);
    return new ListThingsResponse(
        result.items().stream()
            .map(
                t ->
                    new ThingAttribute(
                        t.name(), t.typeName(), arn(call.scope(), t), t.attributes(), t.version()))
            .toList(),
        pages.next(call, result, filters));
  }

  private static String arn(Scope scope, Thing thing) {
    return Arn.of(scope, ResourceType.THING, thing.name()).toString();
  }
}
