package dev.lamplighter.api.sigv4;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Region;
import dev.lamplighter.security.SigningCredential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies AWS Signature Version 4 (AWS4-HMAC-SHA256) on a received request, signed either in the
 * {@code Authorization} header or in the query string (presigned).
 *
 * <p><b>Order of checks.</b> Cheap checks that need neither a secret nor the store come first, so a
 * malformed, stale or misdirected request costs no credential lookup:
 *
 * <ol>
 *   <li>Presence: an {@code Authorization} header or an {@code X-Amz-Signature} query parameter,
 *       not both ({@code MISSING_AUTHENTICATION}, {@code INCOMPLETE_SIGNATURE}).
 *   <li>Shape ({@code INCOMPLETE_SIGNATURE}): algorithm AWS4-HMAC-SHA256; Credential, SignedHeaders
 *       and Signature present; a request date ({@code X-Amz-Date}, else {@code Date}) in its
 *       format; the scope {@code key/yyyyMMdd/region/service/aws4_request} with the request's date
 *       and a valid region; {@code host} signed; {@code X-Amz-Expires} in 1..604800.
 *   <li>Service: the scope's service is one this verifier accepts ({@code INVALID_SIGNATURE}).
 *   <li>Time ({@code SIGNATURE_EXPIRED}): the request date within the allowed skew of the clock
 *       both ways; for a presigned request with {@code X-Amz-Expires}, not in the future beyond the
 *       skew and not past date + expires.
 *   <li>Credential: the access key resolves to an active credential ({@code UNRECOGNIZED_CLIENT}).
 *   <li>Payload: a declared {@code x-amz-content-sha256} equals the body's hash, or is {@code
 *       UNSIGNED-PAYLOAD} on a request without a body ({@code INVALID_SIGNATURE}).
 *   <li>Signature: the canonical request is rebuilt from the request as received, the signature
 *       computed with the (cached) signing key and compared in constant time ({@code
 *       INVALID_SIGNATURE}).
 * </ol>
 *
 * <p><b>Session tokens.</b> Lamplighter issues no temporary credentials, so {@code
 * X-Amz-Security-Token} is not checked against anything; it counts only as a signed header or query
 * parameter like any other. A presigned request whose signature does not cover the token is also
 * accepted: AWS IoT's MQTT-over-WebSocket clients append the token after signing, and the AWS test
 * vectors include that case. That second try costs one more HMAC, on mismatch only.
 *
 * <p>Thread-safe; one instance serves every request. Secrets are never logged.
 */
public final class SigV4Verifier {
  private static final Logger LOG = LoggerFactory.getLogger(SigV4Verifier.class);

  static final String CONTENT_SHA256 = "x-amz-content-sha256";
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  private static final int SIGNING_KEY_SLOTS = 256;

  private final CredentialResolver credentials;
  private final Clock clock;
  private final Duration allowedSkew;
  private final Set<String> acceptedServices;
  private final String acceptedServicesText;
  private final boolean normalizePath;
  private final SigningKeyCache signingKeys = new SigningKeyCache(SIGNING_KEY_SLOTS);

  /**
   * @param credentials finds the credential of an access key id
   * @param clock the time requests are checked against
   * @param allowedSkew how far a request date may be from the clock, each way (AWS: 15 minutes)
   * @param acceptedServices the signing names of the services this listener serves, such as {@code
   *     iot}
   * @param normalizePath whether the canonical URI removes dot segments and repeated slashes, as
   *     every AWS service but S3 does
   */
  public SigV4Verifier(
      CredentialResolver credentials,
      Clock clock,
      Duration allowedSkew,
      Set<String> acceptedServices,
      boolean normalizePath) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
    if (allowedSkew.isNegative()) {
      throw new IllegalArgumentException("allowedSkew must not be negative: " + allowedSkew);
    }
    this.acceptedServices = Set.copyOf(acceptedServices);
    if (this.acceptedServices.isEmpty()) {
      throw new IllegalArgumentException("acceptedServices must name at least one service");
    }
    this.acceptedServicesText = String.join("' or '", new TreeSet<>(this.acceptedServices));
    this.normalizePath = normalizePath;
  }

  /**
   * Verifies an Authorization-header-signed or presigned (query string) request.
   *
   * @return the caller and the scope it signed for
   * @throws ServiceException {@code MISSING_AUTHENTICATION} when the request carries no signature;
   *     {@code INCOMPLETE_SIGNATURE} when the signature parts are malformed or inconsistent; {@code
   *     INVALID_SIGNATURE} for a service not accepted, a body that does not match its declared hash
   *     or a wrong signature; {@code SIGNATURE_EXPIRED} when the request date is out of range;
   *     {@code UNRECOGNIZED_CLIENT} for an unknown access key
   */
  public VerifiedCaller verify(SignedRequest request) {
    ReceivedHeaders headers = ReceivedHeaders.of(request.headers());
    QueryString query = QueryString.parse(request.rawQuery());
    SignatureParts parts = SignatureParser.parse(headers, query);
    if (!acceptedServices.contains(parts.service())) {
      throw ErrorCode.INVALID_SIGNATURE.exception(
          "Credential should be scoped to correct service: '%s', not '%s'.",
          acceptedServicesText, SignatureParser.echo(parts.service()));
    }
    checkTime(parts);
    SigningCredential credential =
        parts.accessKeyId().isEmpty()
            ? null
            : credentials.resolve(parts.accessKeyId()).orElse(null);
    if (credential == null) {
      throw ErrorCode.UNRECOGNIZED_CLIENT.exception(
          "The security token included in the request is invalid.");
    }
    String payloadHash = payloadHash(headers, request.body(), true);
    SecretKeySpec signingKey =
        signingKeys.signingKey(
            credential.secretAccessKey(), parts.scopeDate(), parts.region(), parts.service());
    boolean matches =
        signatureMatches(
            signingKey,
            CanonicalRequest.of(request, headers, query, parts, payloadHash, normalizePath, false),
            parts.signature());
    if (!matches && parts.presigned() && query.has(SignatureParser.X_AMZ_SECURITY_TOKEN)) {
      matches =
          signatureMatches(
              signingKey,
              CanonicalRequest.of(request, headers, query, parts, payloadHash, normalizePath, true),
              parts.signature());
    }
    if (!matches) {
      LOG.debug(
          "[{}] signature mismatch for scope {}", parts.accessKeyId(), parts.credentialScope());
      throw ErrorCode.INVALID_SIGNATURE.exception(
          "The request signature we calculated does not match the signature you provided. Check"
              + " your AWS Secret Access Key and signing method. Consult the service documentation"
              + " for details.");
    }
    return new VerifiedCaller(
        credential.account(), parts.accessKeyId(), Region.of(parts.region()), parts.service());
  }

  /**
   * The canonical request this verifier rebuilds for a request, without checking time, credential
   * or signature. For tests that compare it with AWS's test vectors.
   */
  CanonicalRequest canonicalRequest(SignedRequest request, boolean omitSecurityToken) {
    ReceivedHeaders headers = ReceivedHeaders.of(request.headers());
    QueryString query = QueryString.parse(request.rawQuery());
    SignatureParts parts = SignatureParser.parse(headers, query);
    String payloadHash = payloadHash(headers, request.body(), false);
    return CanonicalRequest.of(
        request, headers, query, parts, payloadHash, normalizePath, omitSecurityToken);
  }

  private void checkTime(SignatureParts parts) {
    Instant now = AmzDate.toSecond(clock.instant());
    Instant date = parts.requestTime();
    Instant latest = now.plus(allowedSkew);
    if (date.isAfter(latest)) {
      throw ErrorCode.SIGNATURE_EXPIRED.exception(
          "Signature not yet current: %s is still later than %s (%s + %s)",
          parts.amzDate(),
          AmzDate.formatBasic(latest),
          AmzDate.formatBasic(now),
          AmzDate.describe(allowedSkew));
    }
    if (parts.presigned() && parts.expiresSeconds() > 0) {
      Instant expiry = date.plusSeconds(parts.expiresSeconds());
      if (now.isAfter(expiry)) {
        throw ErrorCode.SIGNATURE_EXPIRED.exception(
            "Signature expired: %s (%s + %d s) is now earlier than %s",
            AmzDate.formatBasic(expiry),
            parts.amzDate(),
            parts.expiresSeconds(),
            AmzDate.formatBasic(now));
      }
      return;
    }
    Instant earliest = now.minus(allowedSkew);
    if (date.isBefore(earliest)) {
      throw ErrorCode.SIGNATURE_EXPIRED.exception(
          "Signature expired: %s is now earlier than %s (%s - %s)",
          parts.amzDate(),
          AmzDate.formatBasic(earliest),
          AmzDate.formatBasic(now),
          AmzDate.describe(allowedSkew));
    }
  }

  /**
   * The payload hash the canonical request ends with: the declared {@code x-amz-content-sha256}
   * when there is one (after checking it against the body), else the body's hash. {@code
   * UNSIGNED-PAYLOAD} is accepted only for a request without a body: the control plane may run
   * without TLS, and a body the signature does not cover could be changed on the way.
   */
  private static String payloadHash(ReceivedHeaders headers, byte[] body, boolean check) {
    String declared = headers.first(CONTENT_SHA256);
    if (declared == null) {
      return Hashing.sha256Hex(body);
    }
    declared = declared.trim();
    if (check && declared.equals(UNSIGNED_PAYLOAD) && body.length > 0) {
      throw ErrorCode.INVALID_SIGNATURE.exception(
          "UNSIGNED-PAYLOAD is not accepted for a request with a body; sign the payload.");
    }
    if (check && !declared.equals(UNSIGNED_PAYLOAD)) {
      if (!declared.equalsIgnoreCase(Hashing.sha256Hex(body))) {
        throw ErrorCode.INVALID_SIGNATURE.exception(
            "The provided 'x-amz-content-sha256' header does not match what was computed.");
      }
    }
    return declared;
  }

  private static boolean signatureMatches(
      SecretKeySpec signingKey, CanonicalRequest canonical, String provided) {
    byte[] signature =
        Hashing.hmac(signingKey).doFinal(canonical.stringToSign().getBytes(StandardCharsets.UTF_8));
    return MessageDigest.isEqual(
        Hashing.hex(signature).getBytes(StandardCharsets.US_ASCII),
        provided.getBytes(StandardCharsets.US_ASCII));
  }
}
