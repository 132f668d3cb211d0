package dev.lamplighter.api.iotdata;

import java.util.List;

/** The wire shapes of the shadow operations of iot-data whose body is not a raw document. */
final class ShadowShapes {
  private ShadowShapes() {}

  record GetThingShadowRequest(String thingName, String shadowName) {}

  record UpdateThingShadowRequest(String thingName, String shadowName, byte[] payload) {}

  record DeleteThingShadowRequest(String thingName, String shadowName) {}

  record ListNamedShadowsForThingRequest(String thingName, String nextToken, Integer pageSize) {}

  record ListNamedShadowsForThingResponse(List<String> results, String nextToken, long timestamp) {}
}
