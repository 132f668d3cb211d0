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
    ThingGroupOperations groups = new ThingGroupOperations(registry.thingGroups(), pages);
    BillingGroupOperations billing = new BillingGroupOperations(registry.billingGroups(), pages);
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
        // POST /thing-groups/{thingGroupName}
        iot("CreateThingGroup", groups::create),
        // GET /thing-groups/{thingGroupName}
        iot("DescribeThingGroup", groups::describe),
        // PATCH /thing-groups/{thingGroupName}
        iot("UpdateThingGroup", groups::update),
        // DELETE /thing-groups/{thingGroupName}
        iot("DeleteThingGroup", groups::delete),
        // GET /thing-groups
        iot("ListThingGroups", groups::list),
        // PUT /thing-groups/addThingToThingGroup
        iot("AddThingToThingGroup", groups::addThing),
        // PUT /thing-groups/removeThingFromThingGroup
        iot("RemoveThingFromThingGroup", groups::removeThing),
        // GET /thing-groups/{thingGroupName}/things
        iot("ListThingsInThingGroup", groups::listThings),
        // GET /things/{thingName}/thing-groups
        iot("ListThingGroupsForThing", groups::listGroupsForThing),
        // PUT /thing-groups/updateThingGroupsForThing
        iot("UpdateThingGroupsForThing", groups::updateGroupsForThing),
        // POST /billing-groups/{billingGroupName}
        iot("CreateBillingGroup", billing::create),
        // GET /billing-groups/{billingGroupName}
        iot("DescribeBillingGroup", billing::describe),
        // PATCH /billing-groups/{billingGroupName}
        iot("UpdateBillingGroup", billing::update),
        // DELETE /billing-groups/{billingGroupName}
        iot("DeleteBillingGroup", billing::delete),
        // GET /billing-groups
        iot("ListBillingGroups", billing::list),
        // PUT /billing-groups/addThingToBillingGroup
        iot("AddThingToBillingGroup", billing::addThing),
        // PUT /billing-groups/removeThingFromBillingGroup
        iot("RemoveThingFromBillingGroup", billing::removeThing),
        // GET /billing-groups/{billingGroupName}/things
        iot("ListThingsInBillingGroup", billing::listThings),
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
