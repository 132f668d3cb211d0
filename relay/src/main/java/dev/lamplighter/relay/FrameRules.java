package dev.lamplighter.relay;

import dev.lamplighter.relay.protocol.Protobuf.Message;
import dev.lamplighter.relay.protocol.TunnelProtocolException;
import dev.lamplighter.tunnels.ClientMode;
import java.util.Set;

/**
 * What one client may send, beyond what any frame must be: clients never send SERVICE_IDS or
 * SESSION_RESET, only the source starts streams and connections, stream messages name a stream, a
 * named service is one of the tunnel's, and a client does not switch between messages with and
 * without a service id (the receiver infers the peer's protocol version from them).
 */
final class FrameRules {
  private final ClientMode mode;
  private final Set<String> services;
  private Boolean namesServices;

  FrameRules(ClientMode mode, Set<String> services) {
    this.mode = mode;
    this.services = Set.copyOf(services);
  }

  /**
   * Whether {@code message} is to be forwarded: false for an unknown type marked ignorable.
   *
   * @throws TunnelProtocolException when the client broke the protocol
   */
  boolean check(Message message) {
    switch (message.getType()) {
      case UNRECOGNIZED -> {
        if (!message.getIgnorable()) {
          throw new TunnelProtocolException(
              "unknown message type " + message.getTypeValue() + " not marked ignorable");
        }
        return false;
      }
      case SERVICE_IDS, SESSION_RESET ->
          throw new TunnelProtocolException("clients do not send " + message.getType());
      case STREAM_START, CONNECTION_START -> {
        if (mode == ClientMode.DESTINATION) {
          throw new TunnelProtocolException("the destination does not send " + message.getType());
        }
      }
      default -> {}
    }
    if (message.getStreamId() == 0) {
      throw new TunnelProtocolException(message.getType() + " without a stream id");
    }
    checkService(message.getServiceId());
    return true;
  }

  private void checkService(String serviceId) {
    boolean named = !serviceId.isEmpty();
    if (named && !services.contains(serviceId)) {
      throw new TunnelProtocolException("service " + serviceId + " is not one of the tunnel's");
    }
    if (namesServices == null) {
      namesServices = named;
    } else if (namesServices != named) {
      throw new TunnelProtocolException("messages with and without a service id are mixed");
    }
  }
}
