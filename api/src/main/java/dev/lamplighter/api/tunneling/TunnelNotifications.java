package dev.lamplighter.api.tunneling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.messaging.DeviceMessaging;
import dev.lamplighter.core.messaging.OutgoingMessage;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.tunnels.DestinationConfig;
import java.util.List;

/**
 * Tells a destination device its new access token, as AWS IoT does: {@code {"clientAccessToken",
 * "clientMode": "destination", "region", "services"}} on {@code $aws/things/{thing}/tunnels/notify}
 * at QoS 1, so a device with a persistent session hears it when it comes back. The token is never
 * stored, so this node publishes it itself right after the write committed.
 */
final class TunnelNotifications {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeviceMessaging messaging;

  TunnelNotifications(DeviceMessaging messaging) {
    this.messaging = messaging;
  }

  void destinationToken(Scope scope, DestinationConfig destination, String token) {
    if (destination.thingName().isEmpty()) {
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("clientAccessToken", token);
    body.put("clientMode", "destination");
    body.put("region", scope.region().toString());
    List<String> services = destination.services();
    services.forEach(body.putArray("services")::add);
    if (services.isEmpty()) {
      body.putArray("services");
    }
    String topic = "$aws/things/" + destination.thingName().get() + "/tunnels/notify";
    try {
      messaging.publish(scope, OutgoingMessage.of(topic, JSON.writeValueAsBytes(body), 1, false));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object node of strings always serializes", e);
    }
  }
}
