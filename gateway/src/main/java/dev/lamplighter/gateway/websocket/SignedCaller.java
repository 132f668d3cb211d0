package dev.lamplighter.gateway.websocket;

import dev.lamplighter.broker.extension.TransportIdentity;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Objects;

/**
 * Who signed an MQTT-over-WebSocket upgrade: the access key and the account and region it signed
 * for. Carried by the broker to the gateway's authenticator, which makes the scope the connection's
 * namespace.
 */
public record SignedCaller(Scope scope, String accessKeyId) implements TransportIdentity {
  public SignedCaller {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
  }
}
