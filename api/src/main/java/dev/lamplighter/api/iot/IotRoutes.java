package dev.lamplighter.api.iot;

import dev.lamplighter.api.Endpoints;
import dev.lamplighter.api.http.Operation;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.registry.Registry;
import java.util.List;

/**
 * The route table of the {@code iot} service: one row per AWS operation. Method and URI come from
 * the wire model and are shown in the comment above each row.
 */
public final class IotRoutes {
  public static final String SERVICE = "iot";

  private IotRoutes() {}

  public static List<Route> of(Registry registry, Endpoints endpoints, PageTokens pages) {
    ThingOperations things = new ThingOperations(registry.things(), pages);
    ThingTypeOperations types = new ThingTypeOperations(registry.thingTypes(), pages);
    TagOperations tags = new TagOperations(registry.tags(), pages);
    EndpointOperations endpoint = new EndpointOperations(endpoints);
    return List.of(
        // POST /things/{thingName}
        iot("CreateThing", things::create),
        // GET /things/{thingName}
        iot("DescribeThing", things::describe),
        // PATCH /things/{thingName}
        iot("UpdateThing", things::update),
        // DELETE /things/{thingName}
        iot("DeleteThing", things::delete),
        // GET /things
        iot("ListThings", things::list),
        // POST /thing-types/{thingTypeName}
        iot("CreateThingType", types::create),
        // GET /thing-types/{thingTypeName}
        iot("DescribeThingType", types::describe),
        // GET /thing-types
        iot("ListThingTypes", types::list),
        // POST /thing-types/{thingTypeName}/deprecate
        iot("DeprecateThingType", types::deprecate),
        // DELETE /thing-types/{thingTypeName}
        iot("DeleteThingType", types::delete),
        // PATCH /thing-types/{thingTypeName}
        iot("UpdateThingType", types::update),
        // POST /tags
        iot("TagResource", tags::tag),
        // POST /untag
        iot("UntagResource", tags::untag),
        // GET /tags
        iot("ListTagsForResource", tags::list),
        // GET /endpoint
        iot("DescribeEndpoint", endpoint::describe));
  }

  private static Route iot(String operation, Operation handler) {
    return new Route(SERVICE, operation, handler);
  }
}
