package dev.lamplighter.api.tunneling;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lamplighter.tunnels.ConnectionState;
import dev.lamplighter.tunnels.DestinationConfig;
import dev.lamplighter.tunnels.Tunnel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Wire records of the IoTSecuredTunneling operations, named after the AWS model's members. */
final class TunnelShapes {
  private TunnelShapes() {}

  record Tag(String key, String value) {}

  record Destination(String thingName, List<String> services) {
    static Destination of(DestinationConfig config) {
      return new Destination(
          config.thingName().orElse(null), config.services().isEmpty() ? null : config.services());
    }

    DestinationConfig toDomain() {
      return new DestinationConfig(
          Optional.ofNullable(thingName), services == null ? List.of() : services);
    }
  }

  record TimeoutConfig(Integer maxLifetimeTimeoutMinutes) {}

  record OpenTunnelRequest(
      String description,
      List<Tag> tags,
      Destination destinationConfig,
      TimeoutConfig timeoutConfig) {}

  record OpenTunnelResponse(
      String tunnelId, String tunnelArn, String sourceAccessToken, String destinationAccessToken) {}

  record CloseTunnelRequest(String tunnelId, Boolean delete) {}

  record DescribeTunnelRequest(String tunnelId) {}

  record DescribeTunnelResponse(TunnelDescription tunnel) {}

  record Connection(String status, Instant lastUpdatedAt) {
    static Connection of(ConnectionState state) {
      return new Connection(state.status().name(), state.lastUpdatedAt());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TunnelDescription(
      String tunnelId,
      String tunnelArn,
      String status,
      Connection sourceConnectionState,
      Connection destinationConnectionState,
      String description,
      Destination destinationConfig,
      TimeoutConfig timeoutConfig,
      List<Tag> tags,
      Instant createdAt,
      Instant lastUpdatedAt) {
    static TunnelDescription of(Tunnel tunnel) {
      return new TunnelDescription(
          tunnel.tunnelId(),
          tunnel.tunnelArn(),
          tunnel.status().name(),
          Connection.of(tunnel.sourceConnection()),
          Connection.of(tunnel.destinationConnection()),
          tunnel.description().orElse(null),
          tunnel.destination().map(Destination::of).orElse(null),
          new TimeoutConfig(tunnel.maxLifetimeMinutes()),
          TunnelShapes.tags(tunnel.tags()),
          tunnel.createdAt(),
          tunnel.lastUpdatedAt());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TunnelSummary(
      String tunnelId,
      String tunnelArn,
      String status,
      String description,
      Instant createdAt,
      Instant lastUpdatedAt) {
    static TunnelSummary of(Tunnel tunnel) {
      return new TunnelSummary(
          tunnel.tunnelId(),
          tunnel.tunnelArn(),
          tunnel.status().name(),
          tunnel.description().orElse(null),
          tunnel.createdAt(),
          tunnel.lastUpdatedAt());
    }
  }

  record ListTunnelsRequest(String thingName, Integer maxResults, String nextToken) {}

  record ListTunnelsResponse(List<TunnelSummary> tunnelSummaries, String nextToken) {}

  record RotateTunnelAccessTokenRequest(
      String tunnelId, String clientMode, Destination destinationConfig) {}

  record RotateTunnelAccessTokenResponse(
      String tunnelArn, String sourceAccessToken, String destinationAccessToken) {}

  record TagResourceRequest(String resourceArn, List<Tag> tags) {}

  record UntagResourceRequest(String resourceArn, List<String> tagKeys) {}

  record ListTagsForResourceRequest(String resourceArn) {}

  record ListTagsForResourceResponse(List<Tag> tags) {}

  static Map<String, String> tagMap(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach(tag -> map.put(tag.key(), tag.value()));
    }
    return map;
  }

  static List<Tag> tags(Map<String, String> tags) {
    return tags.isEmpty()
        ? null
        : tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
  }
}
