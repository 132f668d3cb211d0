package dev.lamplighter.api.iotdata;

import dev.lamplighter.api.http.Operation;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.core.messaging.DeviceMessaging;
import dev.lamplighter.shadow.ShadowService;
import java.time.Clock;
import java.util.List;

/**
 * The route table of the {@code iot-data} service: one row per AWS operation. Method and URI come
 * from the wire model and are shown in the comment above each row. Requests reach it when their
 * signature is scoped to the service's signing name, {@code iotdata}.
 */
public final class IotDataRoutes {
  public static final String SERVICE = "iot-data";

  private IotDataRoutes() {}

  public static List<Route> of(
      DeviceMessaging messaging, ShadowService shadows, PageTokens pages, Clock clock) {
    MessagingOperations operations = new MessagingOperations(messaging, pages);
    ShadowOperations shadowOperations = new ShadowOperations(shadows, pages, clock);
    return List.of(
        // POST /topics/{topic}
        iotData("Publish", operations::publish),
        // GET /retainedMessage
        iotData("ListRetainedMessages", operations::listRetained),
        // GET /retainedMessage/{topic}
        iotData("GetRetainedMessage", operations::getRetained),
        // DELETE /connections/{clientId}
        iotData("DeleteConnection", operations::deleteConnection),
        // GET /things/{thingName}/shadow?name={shadowName}
        iotData("GetThingShadow", shadowOperations::get),
        // POST /things/{thingName}/shadow?name={shadowName}
        iotData("UpdateThingShadow", shadowOperations::update),
        // DELETE /things/{thingName}/shadow?name={shadowName}
        iotData("DeleteThingShadow", shadowOperations::delete),
        // GET /api/things/shadow/ListNamedShadowsForThing/{thingName}
        iotData("ListNamedShadowsForThing", shadowOperations::listNamed));
  }

  private static Route iotData(String operation, Operation handler) {
    return new Route(SERVICE, operation, handler);
  }
}
