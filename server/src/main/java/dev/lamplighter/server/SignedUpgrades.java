package dev.lamplighter.server;

import dev.lamplighter.api.ControlPlaneApi;
import dev.lamplighter.api.sigv4.CredentialResolver;
import dev.lamplighter.api.sigv4.SigV4Verifier;
import dev.lamplighter.api.sigv4.SignedRequest;
import dev.lamplighter.api.sigv4.VerifiedCaller;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.websocket.SignedCaller;
import dev.lamplighter.gateway.websocket.UpgradeRequest;
import dev.lamplighter.gateway.websocket.UpgradeSignatures;
import java.time.Clock;
import java.util.Set;

/**
 * The gateway's MQTT-over-WebSocket upgrades verified with the API's SigV4 verifier (ADR 17): the
 * service {@code iotdevicegateway}, the same access keys and clock skew as the control plane, and
 * the security token AWS IoT's clients append after signing.
 */
final class SignedUpgrades implements UpgradeSignatures {
  /** The signing name of AWS IoT's device gateway (MQTT over WebSocket). */
  static final String SERVICE = "iotdevicegateway";

  private final SigV4Verifier verifier;

  SignedUpgrades(CredentialResolver credentials, Clock clock) {
    this.verifier =
        new SigV4Verifier(
            credentials, clock, ControlPlaneApi.ALLOWED_CLOCK_SKEW, Set.of(SERVICE), true);
  }

  @Override
  public SignedCaller verify(UpgradeRequest request) {
    VerifiedCaller caller =
        verifier.verify(
            new SignedRequest(
                request.method(), request.rawPath(), request.rawQuery(), request.headers(), null));
    return new SignedCaller(new Scope(caller.account(), caller.region()), caller.accessKeyId());
  }
}
