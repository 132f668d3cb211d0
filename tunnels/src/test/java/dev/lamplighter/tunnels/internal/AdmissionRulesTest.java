package dev.lamplighter.tunnels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.tunnels.AdmissionRefusal;
import dev.lamplighter.tunnels.ClientMode;
import dev.lamplighter.tunnels.TunnelAdmissionException;
import dev.lamplighter.tunnels.spi.ScopedTunnel;
import dev.lamplighter.tunnels.spi.StoredTunnel;
import dev.lamplighter.tunnels.spi.StoredTunnelSide;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionRulesTest {
  private static final Scope SCOPE = Scope.of("123456789012", "eu-west-1");
  private static final Instant OPENED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant NOW = OPENED.plus(Duration.ofMinutes(5));

  private static StoredTunnel tunnel(String id, int lifetimeMinutes) {
    return new StoredTunnel(
        id,
        null,
        null,
        Map.of(),
        lifetimeMinutes,
        OPENED,
        OPENED,
        null,
        StoredTunnelSide.opened("src-" + id, OPENED),
        StoredTunnelSide.opened("dst-" + id, OPENED),
        1);
  }

  private static Optional<ScopedTunnel> found(StoredTunnel tunnel) {
    return Optional.of(new ScopedTunnel(SCOPE, tunnel));
  }

  private static AdmissionRefusal refusal(Runnable admit) {
    try {
      admit.run();
    } catch (TunnelAdmissionException e) {
      return e.refusal();
    }
    throw new AssertionError("admitted");
  }

  @Test
  void anUnknownToken_isRefused() {
    assertThat(
            refusal(
                () ->
                    AdmissionRules.decide(
                        Optional.empty(),
                        "nope",
                        ClientMode.SOURCE,
                        Optional.empty(),
                        List.of(),
                        NOW)))
        .isEqualTo(AdmissionRefusal.UNKNOWN_TOKEN);
  }

  @Test
  void theOtherSidesToken_isTheWrongMode() {
    StoredTunnel t = tunnel("t1", 60);

    assertThat(
            refusal(
                () ->
                    AdmissionRules.decide(
                        found(t), "dst-t1", ClientMode.SOURCE, Optional.empty(), List.of(), NOW)))
        .isEqualTo(AdmissionRefusal.WRONG_MODE);
  }

  @Test
  void aClosedTunnel_orOnePastItsLifetime_isClosed() {
    StoredTunnel closed = tunnel("t1", 60).closedAt(NOW);
    StoredTunnel expired = tunnel("t2", 5);

    assertThat(
            refusal(
                () ->
                    AdmissionRules.decide(
                        found(closed),
                        "src-t1",
                        ClientMode.SOURCE,
                        Optional.empty(),
                        List.of(),
                        NOW)))
        .isEqualTo(AdmissionRefusal.TUNNEL_CLOSED);
    assertThat(
            refusal(
                () ->
                    AdmissionRules.decide(
                        found(expired),
                        "src-t2",
                        ClientMode.SOURCE,
                        Optional.empty(),
                        List.of(),
                        NOW)))
        .isEqualTo(AdmissionRefusal.TUNNEL_CLOSED);
  }

  @Test
  void anUnspentToken_isSpent() {
    assertThat(
            AdmissionRules.decide(
                found(tunnel("t1", 60)),
                "dst-t1",
                ClientMode.DESTINATION,
                Optional.of("device-1"),
                List.of(),
                NOW))
        .isEqualTo(AdmissionRules.Outcome.SPEND);
  }

  @Test
  void aSpentToken_admitsItsBoundClientTokenAgain_andNobodyElse() {
    StoredTunnel t = tunnel("t1", 60);
    StoredTunnel spent = t.withSide(ClientMode.SOURCE, t.source().spent("laptop-1"), OPENED);

    assertThat(
            AdmissionRules.decide(
                found(spent),
                "src-t1",
                ClientMode.SOURCE,
                Optional.of("laptop-1"),
                List.of(new ScopedTunnel(SCOPE, spent)),
                NOW))
        .isEqualTo(AdmissionRules.Outcome.RECONNECT);
    assertThat(
            refusal(
                () ->
                    AdmissionRules.decide(
                        found(spent),
                        "src-t1",
                        ClientMode.SOURCE,
                        Optional.of("laptop-2"),
                        List.of(),
                        NOW)))
        .isEqualTo(AdmissionRefusal.TOKEN_SPENT);
    assertThat(
            refusal(
                () ->
                    AdmissionRules.decide(
                        found(spent),
                        "src-t1",
                        ClientMode.SOURCE,
                        Optional.empty(),
                        List.of(),
                        NOW)))
        .isEqualTo(AdmissionRefusal.TOKEN_SPENT);
  }

  @Test
  void aClientTokenBoundToAnotherOpenTunnel_isInUse_butOneOfAClosedTunnelIsFree() {
    StoredTunnel other = tunnel("t2", 60);
    StoredTunnel otherBound =
        other.withSide(ClientMode.SOURCE, other.source().spent("laptop-1"), OPENED);

    assertThat(
            refusal(
                () ->
                    AdmissionRules.decide(
                        found(tunnel("t1", 60)),
                        "src-t1",
                        ClientMode.SOURCE,
                        Optional.of("laptop-1"),
                        List.of(new ScopedTunnel(SCOPE, otherBound)),
                        NOW)))
        .isEqualTo(AdmissionRefusal.CLIENT_TOKEN_IN_USE);
    assertThat(
            AdmissionRules.decide(
                found(tunnel("t1", 60)),
                "src-t1",
                ClientMode.SOURCE,
                Optional.of("laptop-1"),
                List.of(new ScopedTunnel(SCOPE, otherBound.closedAt(NOW))),
                NOW))
        .isEqualTo(AdmissionRules.Outcome.SPEND);
  }

  @Test
  void theTunnelsOwnOtherSide_boundToTheSameClientToken_doesNotCount() {
    StoredTunnel t = tunnel("t1", 60);
    StoredTunnel destinationBound =
        t.withSide(ClientMode.DESTINATION, t.destinationSide().spent("same"), OPENED);

    assertThat(
            AdmissionRules.decide(
                found(destinationBound),
                "src-t1",
                ClientMode.SOURCE,
                Optional.of("same"),
                List.of(new ScopedTunnel(SCOPE, destinationBound)),
                NOW))
        .isEqualTo(AdmissionRules.Outcome.SPEND);
    assertThatThrownBy(
            () ->
                AdmissionRules.decide(
                    found(destinationBound),
                    "src-t1",
                    ClientMode.SOURCE,
                    Optional.of("same"),
                    List.of(new ScopedTunnel(Scope.of("210987654321", "eu-west-1"), t)),
                    NOW))
        .isInstanceOf(TunnelAdmissionException.class);
  }
}
