package dev.lamplighter.bench.groups;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.bench.load.BenchRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requests of the thing-group suite (and of the jobs suite's seeding), as the AWS IoT REST-JSON
 * protocol shapes them. Group and thing names of a {@link GroupPlan} need no percent-encoding in a
 * path; callers with other names must keep to the same characters.
 */
public final class GroupRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private GroupRequests() {}

  /** CreateThingGroup: {@code POST /thing-groups/{name}}, under {@code parent} unless null. */
  public static BenchRequest createThingGroup(String name, String parent) {
    ObjectNode body = JSON.createObjectNode();
    if (parent != null) {
      body.put("parentGroupName", parent);
    }
    return new BenchRequest("POST", "/thing-groups/" + name, json(body));
  }

  /** CreateThing: {@code POST /things/{name}} without attributes. */
  public static BenchRequest createThing(String name) {
    return new BenchRequest("POST", "/things/" + name, EMPTY_OBJECT);
  }

  /** DescribeThing: {@code GET /things/{name}}. */
  static BenchRequest describeThing(String name) {
    return new BenchRequest("GET", "/things/" + name, null);
  }

  /** AddThingToThingGroup: {@code PUT /thing-groups/addThingToThingGroup}. */
  public static BenchRequest addThingToThingGroup(String group, String thing) {
    ObjectNode body = JSON.createObjectNode();
    body.put("thingGroupName", group);
    body.put("thingName", thing);
    return new BenchRequest("PUT", "/thing-groups/addThingToThingGroup", json(body));
  }

  /**
   * A recursive ListThingsInThingGroup page: {@code GET /thing-groups/{group}/things}.
   *
   * @param nextToken the previous page's token, or null for the first page
   */
  static BenchRequest listThingsRecursively(String group, int maxResults, String nextToken) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("recursive", "true");
    query.put("maxResults", Integer.toString(maxResults));
    if (nextToken != null) {
      query.put("nextToken", nextToken);
    }
    return new BenchRequest("GET", "/thing-groups/" + group + "/things", query, null);
  }

  private static byte[] json(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON body", e);
    }
  }
}
