package dev.lamplighter.api.tunneling;

import dev.lamplighter.api.http.Operation;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.core.messaging.DeviceMessaging;
import dev.lamplighter.tunnels.TunnelService;
import java.util.List;

/**
 * The route table of the {@code iotsecuretunneling} service: one row per AWS operation, each called
 * as {@code POST /} with {@code X-Amz-Target: IoTSecuredTunneling.<Operation>}. Requests reach it
 * when their signature is scoped to the signing name {@code IoTSecuredTunneling}.
 */
public final class TunnelingRoutes {
  public static final String SERVICE = "iotsecuretunneling";

  private TunnelingRoutes() {}

  public static List<Route> of(TunnelService tunnels, DeviceMessaging messaging, PageTokens pages) {
    TunnelOperations operations =
        new TunnelOperations(tunnels, new TunnelNotifications(messaging), pages.urlSafe());
    return List.of(
        tunneling("OpenTunnel", operations::open),
        tunneling("CloseTunnel", operations::close),
        tunneling("DescribeTunnel", operations::describe),
        tunneling("ListTunnels", operations::list),
        tunneling("RotateTunnelAccessToken", operations::rotate),
        tunneling("TagResource", operations::tag),
        tunneling("UntagResource", operations::untag),
        tunneling("ListTagsForResource", operations::listTags));
  }

  private static Route tunneling(String operation, Operation handler) {
    return new Route(SERVICE, operation, handler);
  }
}
