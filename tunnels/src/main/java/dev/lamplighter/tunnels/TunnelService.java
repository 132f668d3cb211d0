package dev.lamplighter.tunnels;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * AWS IoT Secure Tunneling's control plane, and the admission of relay clients by access token.
 * Every write is one transaction that appends a TUNNEL change-log entry ({@link TunnelLogState}).
 * Refusals are {@link dev.lamplighter.core.error.ServiceException}s with AWS's error types
 * (ResourceNotFoundException, LimitExceededException, InvalidRequestException).
 */
public interface TunnelService {

  /**
   * OpenTunnel: a new OPEN tunnel with a fresh source and destination token (each 256 random bits,
   * kept only as a SHA-256 hash).
   */
  OpenedTunnel open(Scope scope, TunnelRequest request);

  /**
   * CloseTunnel: the tunnel becomes CLOSED (closing a closed tunnel is allowed); with {@code
   * delete} its record is removed at once.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown tunnel
   */
  void close(Scope scope, String tunnelId, boolean delete);

  /**
   * DescribeTunnel.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown tunnel
   */
  Tunnel describe(Scope scope, String tunnelId);

  /**
   * ListTunnels: the scope's tunnels, newest first, optionally only those whose destination is
   * {@code thingName}; paged by an opaque cursor.
   */
  Page<Tunnel> list(Scope scope, Optional<String> thingName, PageRequest page);

  /**
   * RotateTunnelAccessToken: new tokens for the modes of {@code mode}; the old ones stop working
   * and their connections are dropped; the lifetime is not extended. A {@code destination} given
   * with DESTINATION or ALL replaces the tunnel's destination config.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown tunnel,
   *     INVALID_REQUEST for a destination with SOURCE or for a CLOSED tunnel
   */
  RotatedTokens rotate(
      Scope scope, String tunnelId, RotationMode mode, Optional<DestinationConfig> destination);

  /**
   * TagResource on a tunnel ARN.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown tunnel
   */
  void tag(Scope scope, String tunnelArn, Map<String, String> tags);

  /** UntagResource on a tunnel ARN; unknown keys are ignored. */
  void untag(Scope scope, String tunnelArn, Collection<String> keys);

  /** ListTagsForResource on a tunnel ARN. */
  Map<String, String> tags(Scope scope, String tunnelArn);

  /**
   * Lets a relay client in: the token must be the current token of {@code mode} of an OPEN tunnel.
   * A token is spent by its first admission; with a {@code clientToken} it binds to that client
   * token and admits it again later (and no one else).
   *
   * @throws TunnelAdmissionException when the client must be turned away
   */
  Admission admit(String accessToken, ClientMode mode, Optional<String> clientToken);

  /**
   * Records that a side connected to or disconnected from the relay (DescribeTunnel's connection
   * state). Ignored for a tunnel that no longer exists.
   */
  void recordConnection(Scope scope, String tunnelId, ClientMode mode, ConnectionStatus status);
}
