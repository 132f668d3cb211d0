package dev.lamplighter.tunnels.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.tunnels.Admission;
import dev.lamplighter.tunnels.ClientMode;
import dev.lamplighter.tunnels.ConnectionStatus;
import dev.lamplighter.tunnels.DestinationConfig;
import dev.lamplighter.tunnels.OpenedTunnel;
import dev.lamplighter.tunnels.RotatedTokens;
import dev.lamplighter.tunnels.RotationMode;
import dev.lamplighter.tunnels.Tunnel;
import dev.lamplighter.tunnels.TunnelRequest;
import dev.lamplighter.tunnels.TunnelService;
import dev.lamplighter.tunnels.spi.ScopedTunnel;
import dev.lamplighter.tunnels.spi.StoredTunnel;
import dev.lamplighter.tunnels.spi.StoredTunnelSide;
import dev.lamplighter.tunnels.spi.TunnelPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tunnels in store transactions. A change reads the row and writes it back only if nobody wrote it
 * meanwhile (another node, or the relay admitting a client); when somebody did, it is applied again
 * on the newer row. That compare-and-set is also what makes a token single-use across nodes.
 */
public final class TunnelServiceImpl implements TunnelService {
  private static final int WRITE_ATTEMPTS = 8;

  private final TunnelPorts ports;
  private final Clock clock;
  private final IdSource ids;

  public TunnelServiceImpl(TunnelPorts ports, Clock clock, IdSource ids) {
    this.ports = ports;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public OpenedTunnel open(Scope scope, TunnelRequest request) {
    TunnelChecks.checkOpen(request);
    String tunnelId = ids.randomUuid().toString();
    String sourceToken = AccessTokens.newToken(ids);
    String destinationToken = AccessTokens.newToken(ids);
    ports
        .transactions()
        .inTransaction(
            () -> {
              Instant now = clock.instant();
              StoredTunnel row =
                  new StoredTunnel(
                      tunnelId,
                      request.description().orElse(null),
                      request.destination().orElse(null),
                      request.tags(),
                      request.maxLifetimeMinutes(),
                      now,
                      now,
                      null,
                      StoredTunnelSide.opened(AccessTokens.hash(sourceToken), now),
                      StoredTunnelSide.opened(AccessTokens.hash(destinationToken), now),
                      1);
              ports.tunnels().insert(scope, row);
              log(scope, row, ChangeKind.CREATED, now);
            });
    return new OpenedTunnel(
        tunnelId, TunnelViews.arn(scope, tunnelId), sourceToken, destinationToken);
  }

  @Override
  public void close(Scope scope, String tunnelId, boolean delete) {
    if (delete) {
      ports
          .transactions()
          .inTransaction(
              () -> {
                StoredTunnel row = existing(scope, tunnelId);
                ports.tunnels().delete(scope, tunnelId);
                log(scope, row.closed() ? row : row.closedAt(clock.instant()), ChangeKind.DELETED);
              });
      return;
    }
    // Closing a closed tunnel changes nothing, and logs nothing.
    change(scope, tunnelId, (row, now) -> row.closed() ? null : row.closedAt(now));
  }

  @Override
  public Tunnel describe(Scope scope, String tunnelId) {
    return TunnelViews.tunnel(scope, existing(scope, tunnelId), clock.instant());
  }

  @Override
  public Page<Tunnel> list(Scope scope, Optional<String> thingName, PageRequest page) {
    Instant now = clock.instant();
    return ports
        .tunnels()
        .list(scope, thingName, page)
        .map(row -> TunnelViews.tunnel(scope, row, now));
  }

  @Override
  public RotatedTokens rotate(
      Scope scope, String tunnelId, RotationMode mode, Optional<DestinationConfig> destination) {
    if (destination.isPresent() && mode == RotationMode.SOURCE) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "A destination config cannot be given when rotating the source token only.");
    }
    TunnelChecks.checkDestination(destination);
    Map<ClientMode, String> tokens = new EnumMap<>(ClientMode.class);
    for (ClientMode rotated : mode.modes()) {
      tokens.put(rotated, AccessTokens.newToken(ids));
    }
    change(
        scope,
        tunnelId,
        (row, now) -> {
          if (!row.isOpenAt(now)) {
            throw ErrorCode.INVALID_REQUEST.exception(
                "Tunnel %s is closed; its access tokens cannot be rotated.", tunnelId);
          }
          StoredTunnel next = row;
          for (Map.Entry<ClientMode, String> token : tokens.entrySet()) {
            StoredTunnelSide side =
                next.side(token.getKey()).rotated(AccessTokens.hash(token.getValue()));
            next = next.withSide(token.getKey(), side, now);
          }
          if (destination.isPresent()) {
            next = next.withDestination(destination.get(), now);
          }
          return next;
        });
    return new RotatedTokens(
        TunnelViews.arn(scope, tunnelId),
        Optional.ofNullable(tokens.get(ClientMode.SOURCE)),
        Optional.ofNullable(tokens.get(ClientMode.DESTINATION)));
  }

  @Override
  public void tag(Scope scope, String tunnelArn, Map<String, String> tags) {
    String tunnelId = tunnelIdOf(scope, tunnelArn);
    change(
        scope,
        tunnelId,
        (row, now) -> {
          // A LinkedHashMap keeps an overwritten key where it was first set.
          Map<String, String> merged = new LinkedHashMap<>(row.tags());
          merged.putAll(tags);
          return merged.equals(row.tags()) ? null : row.withTags(merged, now);
        });
  }

  @Override
  public void untag(Scope scope, String tunnelArn, Collection<String> keys) {
    String tunnelId = tunnelIdOf(scope, tunnelArn);
    change(
        scope,
        tunnelId,
        (row, now) -> {
          Map<String, String> kept = new LinkedHashMap<>(row.tags());
          kept.keySet().removeAll(keys);
          return kept.size() == row.tags().size() ? null : row.withTags(kept, now);
        });
  }

  @Override
  public Map<String, String> tags(Scope scope, String tunnelArn) {
    return existing(scope, tunnelIdOf(scope, tunnelArn)).tags();
  }

  @Override
  public Admission admit(String accessToken, ClientMode mode, Optional<String> clientToken) {
    String tokenHash = AccessTokens.hash(accessToken);
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      Admission admitted =
          ports.transactions().inTransaction(() -> tryAdmit(tokenHash, mode, clientToken));
      if (admitted != null) {
        return admitted;
      }
    }
    throw tooManyWriters("the tunnel of an access token");
  }

  /**
   * One attempt: the admission, or null when another writer changed the tunnel since it was read.
   */
  private Admission tryAdmit(String tokenHash, ClientMode mode, Optional<String> clientToken) {
    Instant now = clock.instant();
    Optional<ScopedTunnel> found = ports.tunnels().findByTokenHash(tokenHash);
    List<ScopedTunnel> bound =
        clientToken.map(ports.tunnels()::findByClientToken).orElse(List.of());
    AdmissionRules.Outcome outcome =
        AdmissionRules.decide(found, tokenHash, mode, clientToken, bound, now);
    Scope scope = found.orElseThrow().scope();
    StoredTunnel row = found.get().tunnel();
    if (outcome == AdmissionRules.Outcome.SPEND) {
      // Spending is not a change the API shows: lastUpdatedAt stays, and nothing is logged.
      StoredTunnelSide spent = row.side(mode).spent(clientToken.orElse(null));
      if (!ports
          .tunnels()
          .update(scope, row.withSide(mode, spent, row.lastUpdatedAt()), row.version())) {
        return null;
      }
    }
    return new Admission(
        scope,
        row.tunnelId(),
        mode,
        row.destination() == null ? List.of() : row.destination().services(),
        row.expiresAt(),
        row.side(mode).generation());
  }

  @Override
  public void recordConnection(
      Scope scope, String tunnelId, ClientMode mode, ConnectionStatus status) {
    if (ports.tunnels().find(scope, tunnelId).isEmpty()) {
      return;
    }
    try {
      change(
          scope,
          tunnelId,
          (row, now) -> row.withSide(mode, row.side(mode).connection(status, now), now));
    } catch (ServiceException e) {
      // Deleted between the look and the write: as if it had never existed.
      if (e.code() != ErrorCode.RESOURCE_NOT_FOUND) {
        throw e;
      }
    }
  }

  /** A change of a row in its own transactions, applied again when another writer came first. */
  private interface RowChange {
    /** The next row, or null when nothing changes. */
    StoredTunnel apply(StoredTunnel row, Instant now);
  }

  private void change(Scope scope, String tunnelId, RowChange change) {
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      boolean done =
          ports
              .transactions()
              .inTransaction(
                  () -> {
                    StoredTunnel row = existing(scope, tunnelId);
                    Instant now = clock.instant();
                    StoredTunnel next = change.apply(row, now);
                    if (next == null) {
                      return true;
                    }
                    if (!ports.tunnels().update(scope, next, row.version())) {
                      return false;
                    }
                    log(scope, next, ChangeKind.UPDATED, now);
                    return true;
                  });
      if (done) {
        return;
      }
    }
    throw tooManyWriters("Tunnel " + tunnelId);
  }

  private StoredTunnel existing(Scope scope, String tunnelId) {
    return ports
        .tunnels()
        .find(scope, tunnelId)
        .orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.exception("Tunnel %s not found", tunnelId));
  }

  /** The id in a tunnel ARN of {@code scope}; a tunnel of another scope is not found. */
  private static String tunnelIdOf(Scope scope, String tunnelArn) {
    Arn arn =
        Arn.parse(tunnelArn)
            .filter(a -> a.type() == ResourceType.TUNNEL)
            .orElseThrow(
                () ->
                    ErrorCode.INVALID_REQUEST.exception(
                        "%s is not the ARN of a tunnel.", tunnelArn));
    if (!arn.scope().equals(scope)) {
      throw ErrorCode.RESOURCE_NOT_FOUND.exception("Tunnel %s not found", arn.name());
    }
    return arn.name();
  }

  private void log(Scope scope, StoredTunnel row, ChangeKind kind) {
    log(scope, row, kind, clock.instant());
  }

  private void log(Scope scope, StoredTunnel row, ChangeKind kind, Instant now) {
    ports
        .changeLog()
        .append(
            new ChangeRecord(
                scope, ResourceType.TUNNEL, row.tunnelId(), kind, TunnelViews.logState(row, now)));
  }

  private static RuntimeException tooManyWriters(String resource) {
    return ErrorCode.THROTTLING.exception(
        "%s is being changed by too many writers; try again.", resource);
  }
}
