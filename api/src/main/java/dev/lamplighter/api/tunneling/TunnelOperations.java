package dev.lamplighter.api.tunneling;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.tunneling.TunnelShapes.CloseTunnelRequest;
import dev.lamplighter.api.tunneling.TunnelShapes.DescribeTunnelRequest;
import dev.lamplighter.api.tunneling.TunnelShapes.DescribeTunnelResponse;
import dev.lamplighter.api.tunneling.TunnelShapes.Destination;
import dev.lamplighter.api.tunneling.TunnelShapes.ListTagsForResourceRequest;
import dev.lamplighter.api.tunneling.TunnelShapes.ListTagsForResourceResponse;
import dev.lamplighter.api.tunneling.TunnelShapes.ListTunnelsRequest;
import dev.lamplighter.api.tunneling.TunnelShapes.ListTunnelsResponse;
import dev.lamplighter.api.tunneling.TunnelShapes.OpenTunnelRequest;
import dev.lamplighter.api.tunneling.TunnelShapes.OpenTunnelResponse;
import dev.lamplighter.api.tunneling.TunnelShapes.RotateTunnelAccessTokenRequest;
import dev.lamplighter.api.tunneling.TunnelShapes.RotateTunnelAccessTokenResponse;
import dev.lamplighter.api.tunneling.TunnelShapes.TagResourceRequest;
import dev.lamplighter.api.tunneling.TunnelShapes.TunnelDescription;
import dev.lamplighter.api.tunneling.TunnelShapes.TunnelSummary;
import dev.lamplighter.api.tunneling.TunnelShapes.UntagResourceRequest;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.tunnels.DestinationConfig;
import dev.lamplighter.tunnels.OpenedTunnel;
import dev.lamplighter.tunnels.RotatedTokens;
import dev.lamplighter.tunnels.RotationMode;
import dev.lamplighter.tunnels.Tunnel;
import dev.lamplighter.tunnels.TunnelRequest;
import dev.lamplighter.tunnels.TunnelService;
import java.util.List;
import java.util.Optional;

/** Handlers of the IoTSecuredTunneling operations: decode, one service call, map the result. */
final class TunnelOperations {
  /** ListTunnels' page size without {@code maxResults}. */
  static final int DEFAULT_PAGE = 100;

  private final TunnelService tunnels;
  private final TunnelNotifications notifications;
  private final PageTokens pages;

  TunnelOperations(TunnelService tunnels, TunnelNotifications notifications, PageTokens pages) {
    this.tunnels = tunnels;
    this.notifications = notifications;
    this.pages = pages;
  }

  Object open(Call call) {
    OpenTunnelRequest request = call.input(OpenTunnelRequest.class);
    Optional<DestinationConfig> destination =
        Optional.ofNullable(request.destinationConfig()).map(Destination::toDomain);
    int lifetime =
        request.timeoutConfig() == null
                || request.timeoutConfig().maxLifetimeTimeoutMinutes() == null
            ? TunnelRequest.DEFAULT_LIFETIME_MINUTES
            : request.timeoutConfig().maxLifetimeTimeoutMinutes();
    OpenedTunnel opened =
        tunnels.open(
            call.scope(),
            new TunnelRequest(
                Optional.ofNullable(request.description()),
                TunnelShapes.tagMap(request.tags()),
                destination,
                lifetime));
    destination.ifPresent(
        d -> notifications.destinationToken(call.scope(), d, opened.destinationAccessToken()));
    return new OpenTunnelResponse(
        opened.tunnelId(),
        opened.tunnelArn(),
        opened.sourceAccessToken(),
        opened.destinationAccessToken());
  }

  Object close(Call call) {
    CloseTunnelRequest request = call.input(CloseTunnelRequest.class);
    tunnels.close(call.scope(), request.tunnelId(), Boolean.TRUE.equals(request.delete()));
    return null;
  }

  Object describe(Call call) {
    DescribeTunnelRequest request = call.input(DescribeTunnelRequest.class);
    return new DescribeTunnelResponse(
        TunnelDescription.of(tunnels.describe(call.scope(), request.tunnelId())));
  }

  Object list(Call call) {
    ListTunnelsRequest request = call.input(ListTunnelsRequest.class);
    PageRequest page =
        pages.request(
            call, request.maxResults(), request.nextToken(), DEFAULT_PAGE, request.thingName());
    Page<Tunnel> found = tunnels.list(call.scope(), Optional.ofNullable(request.thingName()), page);
    List<TunnelSummary> summaries = found.items().stream().map(TunnelSummary::of).toList();
    return new ListTunnelsResponse(summaries, pages.next(call, found, request.thingName()));
  }

  Object rotate(Call call) {
    RotateTunnelAccessTokenRequest request = call.input(RotateTunnelAccessTokenRequest.class);
    RotationMode mode = RotationMode.valueOf(request.clientMode());
    Optional<DestinationConfig> given =
        Optional.ofNullable(request.destinationConfig()).map(Destination::toDomain);
    RotatedTokens rotated = tunnels.rotate(call.scope(), request.tunnelId(), mode, given);
    rotated
        .destinationAccessToken()
        .ifPresent(
            token ->
                tunnels
                    .describe(call.scope(), request.tunnelId())
                    .destination()
                    .ifPresent(d -> notifications.destinationToken(call.scope(), d, token)));
    return new RotateTunnelAccessTokenResponse(
        rotated.tunnelArn(),
        rotated.sourceAccessToken().orElse(null),
        rotated.destinationAccessToken().orElse(null));
  }

  Object tag(Call call) {
    TagResourceRequest request = call.input(TagResourceRequest.class);
    tunnels.tag(call.scope(), request.resourceArn(), TunnelShapes.tagMap(request.tags()));
    return null;
  }

  Object untag(Call call) {
    UntagResourceRequest request = call.input(UntagResourceRequest.class);
    tunnels.untag(call.scope(), request.resourceArn(), request.tagKeys());
    return null;
  }

  Object listTags(Call call) {
    ListTagsForResourceRequest request = call.input(ListTagsForResourceRequest.class);
    List<TunnelShapes.Tag> tags =
        TunnelShapes.tags(tunnels.tags(call.scope(), request.resourceArn()));
    return new ListTagsForResourceResponse(tags == null ? List.of() : tags);
  }
}
