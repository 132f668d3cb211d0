package dev.lamplighter.tunnels.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.tunnels.AdmissionRefusal;
import dev.lamplighter.tunnels.ClientMode;
import dev.lamplighter.tunnels.TunnelAdmissionException;
import dev.lamplighter.tunnels.spi.ScopedTunnel;
import dev.lamplighter.tunnels.spi.StoredTunnel;
import dev.lamplighter.tunnels.spi.StoredTunnelSide;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a relay client presenting a token is let in, decided on rows already read; the service
 * writes the outcome. The checks run in the order the refusals are documented in: unknown token,
 * wrong side, closed tunnel, then the token's single use.
 */
final class AdmissionRules {

  /** What admitting the client does to the tunnel's row. */
  enum Outcome {
    /** The token is spent now (and bound to the client token, when one was given). */
    SPEND,
    /** The token was spent by this client token before: admitted again, nothing changes. */
    RECONNECT
  }

  private AdmissionRules() {}

  /**
   * @param found the tunnel holding the token's hash, or empty
   * @param boundElsewhere the tunnels the client token is bound to (empty without a client token)
   * @throws TunnelAdmissionException when the client is turned away
   */
  static Outcome decide(
      Optional<ScopedTunnel> found,
      String tokenHash,
      ClientMode mode,
      Optional<String> clientToken,
      List<ScopedTunnel> boundElsewhere,
      Instant now) {
    if (found.isEmpty()) {
      throw refuse(AdmissionRefusal.UNKNOWN_TOKEN, "The access token is not valid.");
    }
    StoredTunnel tunnel = found.get().tunnel();
    StoredTunnelSide side = tunnel.side(mode);
    if (!side.tokenHash().equals(tokenHash)) {
      throw refuse(
          AdmissionRefusal.WRONG_MODE,
          "The access token is not a token of mode " + mode.queryValue() + ".");
    }
    if (!tunnel.isOpenAt(now)) {
      throw refuse(AdmissionRefusal.TUNNEL_CLOSED, "The tunnel is closed.");
    }
    if (side.spent()) {
      if (clientToken.isPresent() && clientToken.get().equals(side.clientToken())) {
        return Outcome.RECONNECT;
      }
      throw refuse(AdmissionRefusal.TOKEN_SPENT, "The access token was used already.");
    }
    Scope scope = found.get().scope();
    boolean inUse =
        boundElsewhere.stream()
            .anyMatch(
                other ->
                    !(other.scope().equals(scope)
                            && other.tunnel().tunnelId().equals(tunnel.tunnelId()))
                        && other.tunnel().isOpenAt(now));
    if (inUse) {
      throw refuse(
          AdmissionRefusal.CLIENT_TOKEN_IN_USE,
          "The client token is in use by another open tunnel.");
    }
    return Outcome.SPEND;
  }

  private static TunnelAdmissionException refuse(AdmissionRefusal refusal, String message) {
    return new TunnelAdmissionException(refusal, message);
  }
}
