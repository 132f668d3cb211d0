package dev.lamplighter.gateway.websocket;

/**
 * Verifies the AWS Signature Version 4 of a WebSocket upgrade request signed in its query string
 * for the service {@code iotdevicegateway}, as AWS IoT's MQTT-over-WebSocket clients sign it
 * ({@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date}, {@code
 * X-Amz-SignedHeaders=host}, {@code X-Amz-Signature}, and {@code X-Amz-Security-Token} appended
 * after signing, when present).
 *
 * <p>The gateway may not depend on the API module that owns SigV4; the server implements this port
 * with that module's verifier, so the data plane and the control plane accept the same signatures
 * with the same keys.
 *
 * <p>Threading: called on the route's verification threads, never on an event loop; it may block on
 * the store for the access key. Thread-safe.
 */
@FunctionalInterface
public interface UpgradeSignatures {

  /**
   * The access key that signed {@code request}, with the account and region it signed for.
   *
   * @throws dev.lamplighter.core.error.ServiceException with SigV4's error codes ({@code
   *     MISSING_AUTHENTICATION}, {@code INCOMPLETE_SIGNATURE}, {@code INVALID_SIGNATURE}, {@code
   *     SIGNATURE_EXPIRED}, {@code UNRECOGNIZED_CLIENT}) when the request is not signed by an
   *     active access key for this service, now
   */
  SignedCaller verify(UpgradeRequest request);
}
