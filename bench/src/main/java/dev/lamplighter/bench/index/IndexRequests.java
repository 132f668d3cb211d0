package dev.lamplighter.bench.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.bench.load.BenchRequest;
import java.util.Map;

/**
 * The requests of the index suite, shaped as the AWS IoT REST-JSON protocol shapes them. Names of a
 * {@link FleetPlan} and of the suite's groups need no percent-encoding in a path.
 */
final class IndexRequests {
  static final String THINGS_INDEX = "AWS_Things";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private IndexRequests() {}

  /** UpdateIndexingConfiguration: things indexed from the registry, the Number custom fields. */
  static BenchRequest enableThingIndexing() {
    ObjectNode things = JSON.createObjectNode().put("thingIndexingMode", "REGISTRY");
    ArrayNode fields = things.putArray("customFields");
    FleetPlan.NUMBER_FIELDS.forEach(f -> fields.addObject().put("name", f).put("type", "Number"));
    ObjectNode body = JSON.createObjectNode();
    body.set("thingIndexingConfiguration", things);
    return new BenchRequest("POST", "/indexing/config", json(body));
  }

  static BenchRequest createThingType(String name) {
    return new BenchRequest("POST", "/thing-types/" + name, EMPTY_OBJECT);
  }

  static BenchRequest createThingGroup(String name) {
    return new BenchRequest("POST", "/thing-groups/" + name, EMPTY_OBJECT);
  }

  /** CreateThing with the plan's type and attributes. */
  static BenchRequest createThing(FleetPlan plan, int i) {
    ObjectNode body = JSON.createObjectNode();
    plan.thingType(i).ifPresent(type -> body.put("thingTypeName", type));
    ObjectNode attributes = body.putObject("attributePayload").putObject("attributes");
    plan.attributes(i).forEach(attributes::put);
    return new BenchRequest("POST", "/things/" + FleetPlan.thing(i), json(body));
  }

  static BenchRequest addThingToThingGroup(String group, String thing) {
    ObjectNode body = JSON.createObjectNode();
    body.put("thingGroupName", group);
    body.put("thingName", thing);
    return new BenchRequest("PUT", "/thing-groups/addThingToThingGroup", json(body));
  }

  /** UpdateThing that sets one attribute and keeps the others. */
  static BenchRequest setAttribute(String thing, String name, String value) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode payload = body.putObject("attributePayload");
    payload.putObject("attributes").put(name, value);
    payload.put("merge", true);
    return new BenchRequest("PATCH", "/things/" + thing, json(body));
  }

  static BenchRequest describeIndex() {
    return new BenchRequest("GET", "/indices/" + THINGS_INDEX, null);
  }

  static BenchRequest searchIndex(String queryString, int maxResults) {
    ObjectNode body = JSON.createObjectNode();
    body.put("indexName", THINGS_INDEX);
    body.put("queryString", queryString);
    body.put("maxResults", maxResults);
    return new BenchRequest("POST", "/indices/search", json(body));
  }

  /** GetStatistics of a Number field over the things a query matches; its count is the matches. */
  static BenchRequest statistics(String queryString, String field) {
    ObjectNode body = JSON.createObjectNode();
    body.put("indexName", THINGS_INDEX);
    body.put("queryString", queryString);
    body.put("aggregationField", field);
    return new BenchRequest("POST", "/indices/statistics", json(body));
  }

  static BenchRequest createDynamicThingGroup(String name, String queryString) {
    ObjectNode body = JSON.createObjectNode();
    body.put("indexName", THINGS_INDEX);
    body.put("queryString", queryString);
    return new BenchRequest("POST", "/dynamic-thing-groups/" + name, json(body));
  }

  static BenchRequest describeThingGroup(String name) {
    return new BenchRequest("GET", "/thing-groups/" + name, null);
  }

  static BenchRequest listThingGroupsForThing(String thing) {
    return new BenchRequest(
        "GET", "/things/" + thing + "/thing-groups", Map.of("maxResults", "250"), null);
  }

  private static byte[] json(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON body", e);
    }
  }
}
