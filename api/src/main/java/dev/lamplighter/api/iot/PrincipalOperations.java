package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.GroupShapes.ThingNamesResponse;
import dev.lamplighter.api.iot.PolicyShapes.ListPrincipalThingsRequest;
import dev.lamplighter.api.iot.PolicyShapes.ListPrincipalThingsV2Response;
import dev.lamplighter.api.iot.PolicyShapes.ListThingPrincipalsRequest;
import dev.lamplighter.api.iot.PolicyShapes.ListThingPrincipalsResponse;
import dev.lamplighter.api.iot.PolicyShapes.ListThingPrincipalsV2Response;
import dev.lamplighter.api.iot.PolicyShapes.PrincipalThingObject;
import dev.lamplighter.api.iot.PolicyShapes.ThingPrincipalObject;
import dev.lamplighter.api.iot.PolicyShapes.ThingPrincipalRequest;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.security.principals.ThingPrincipal;
import dev.lamplighter.security.principals.ThingPrincipalService;
import dev.lamplighter.security.principals.ThingPrincipalType;

/** Handlers of the thing principal operations: decode, one service call, encode. */
final class PrincipalOperations {
  private final ThingPrincipalService principals;
  private final PageTokens pages;

  PrincipalOperations(ThingPrincipalService principals, PageTokens pages) {
    this.principals = principals;
    this.pages = pages;
  }

  Object attach(Call call) {
    ThingPrincipalRequest request = call.input(ThingPrincipalRequest.class);
    principals.attach(
        call.scope(), request.thingName(), request.principal(), type(request.thingPrincipalType()));
    return null;
  }

  Object detach(Call call) {
    ThingPrincipalRequest request = call.input(ThingPrincipalRequest.class);
    principals.detach(call.scope(), request.thingName(), request.principal());
    return null;
  }

  Object listThingPrincipals(Call call) {
    ListThingPrincipalsRequest request = call.input(ListThingPrincipalsRequest.class);
    Page<ThingPrincipal> result = principalsOf(call, request);
    return new ListThingPrincipalsResponse(
        result.items().stream().map(ThingPrincipal::principal).toList(),
        pages.next(call, result, request.thingName(), request.thingPrincipalType()));
  }

  Object listThingPrincipalsV2(Call call) {
    ListThingPrincipalsRequest request = call.input(ListThingPrincipalsRequest.class);
    Page<ThingPrincipal> result = principalsOf(call, request);
    return new ListThingPrincipalsV2Response(
        result.items().stream()
            .map(p -> new ThingPrincipalObject(p.principal(), p.type().name()))
            .toList(),
        pages.next(call, result, request.thingName(), request.thingPrincipalType()));
  }

  private Page<ThingPrincipal> principalsOf(Call call, ListThingPrincipalsRequest request) {
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            request.thingName(),
            request.thingPrincipalType());
    return principals.principalsOf(
        call.scope(), request.thingName(), type(request.thingPrincipalType()), page);
  }

  Object listPrincipalThings(Call call) {
    ListPrincipalThingsRequest request = call.input(ListPrincipalThingsRequest.class);
    Page<ThingPrincipal> result = thingsOf(call, request);
    return new ThingNamesResponse(
        result.items().stream().map(ThingPrincipal::thingName).toList(),
        pages.next(call, result, request.principal(), request.thingPrincipalType()));
  }

  Object listPrincipalThingsV2(Call call) {
    ListPrincipalThingsRequest request = call.input(ListPrincipalThingsRequest.class);
    Page<ThingPrincipal> result = thingsOf(call, request);
    return new ListPrincipalThingsV2Response(
        result.items().stream()
            .map(p -> new PrincipalThingObject(p.thingName(), p.type().name()))
            .toList(),
        pages.next(call, result, request.principal(), request.thingPrincipalType()));
  }

  private Page<ThingPrincipal> thingsOf(Call call, ListPrincipalThingsRequest request) {
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            request.principal(),
            request.thingPrincipalType());
    return principals.thingsOf(
        call.scope(), request.principal(), type(request.thingPrincipalType()), page);
  }

  private static ThingPrincipalType type(String wire) {
    return wire == null ? null : ThingPrincipalType.valueOf(wire);
  }
}
