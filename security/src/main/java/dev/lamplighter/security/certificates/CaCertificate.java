package dev.lamplighter.security.certificates;

import java.time.Instant;
import java.util.Objects;

/**
 * A CA certificate registered in an account and region, whose device certificates can then be
 * registered (or auto-registered on first connect).
 *
 * @param certificateId SHA-256 of the DER encoding, lower-case hex
 * @param pem the CA certificate
 * @param status ACTIVE or INACTIVE
 * @param autoRegistration whether device certificates it issued register on first connect
 * @param mode DEFAULT (registered with a verification certificate) or SNI_ONLY
 * @param registrationConfig just-in-time provisioning settings
 * @param ownedBy the owning account id
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param createdAt when it was registered
 * @param modifiedAt when it last changed
 * @param generationId grows by one with every change
 */
public record CaCertificate(
    String certificateId,
    String pem,
    CaCertificateStatus status,
    boolean autoRegistration,
    CertificateMode mode,
    RegistrationConfig registrationConfig,
    String ownedBy,
    Instant notBefore,
    Instant notAfter,
    Instant createdAt,
    Instant modifiedAt,
    long generationId) {
  public CaCertificate {
    Objects.requireNonNull(certificateId, "certificateId");
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(mode, "mode");
    registrationConfig =
        registrationConfig == null ? RegistrationConfig.none() : registrationConfig;
    Objects.requireNonNull(ownedBy, "ownedBy");
  }
}
