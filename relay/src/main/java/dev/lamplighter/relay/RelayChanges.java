package dev.lamplighter.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.tunnels.TunnelLogState;
import dev.lamplighter.tunnels.TunnelStatus;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies tunnel changes from any node to this node's clients: a closed or deleted tunnel loses
 * both, a rotated side loses the client admitted with the old token.
 */
final class RelayChanges implements ChangeFollower.Consumer {
  private static final Logger LOG = LoggerFactory.getLogger(RelayChanges.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Map<String, RelayTunnel> open;

  RelayChanges(Map<String, RelayTunnel> open) {
    this.open = open;
  }

  @Override
  public void apply(List<ChangeEvent> batch) {
    for (ChangeEvent event : batch) {
      if (event.type() != ResourceType.TUNNEL) {
        continue;
      }
      RelayTunnel tunnel = open.get(event.scope() + "/" + event.name());
      if (tunnel == null) {
        continue;
      }
      if (event.kind() == ChangeKind.DELETED || event.stateJson() == null) {
        tunnel.closeAll();
        continue;
      }
      TunnelLogState state = read(event);
      if (state == null) {
        continue;
      }
      if (state.status() == TunnelStatus.CLOSED) {
        tunnel.closeAll();
      } else {
        tunnel.closeRotated(state);
      }
    }
  }

  private static TunnelLogState read(ChangeEvent event) {
    try {
      return JSON.readValue(event.stateJson(), TunnelLogState.class);
    } catch (JsonProcessingException e) {
      LOG.warn("Tunnel change {} cannot be read: {}", event.sequence(), e.getOriginalMessage());
      return null;
    }
  }
}
