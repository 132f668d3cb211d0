package dev.lamplighter.security.certificates;

import java.time.Instant;
import java.util.Objects;

/**
 * A device certificate registered in an account and region. Only the certificate is kept, never a
 * private key.
 *
 * @param certificateId SHA-256 of the DER encoding, lower-case hex
 * @param pem the certificate
 * @param status its status
 * @param caCertificateId the registered CA that issued it, or null (the server's own CA, or none)
 * @param mode how it is presented
 * @param ownedBy the owning account id
 * @param previousOwnedBy the account it was transferred from, or null
 * @param transfer the pending or last transfer, or null
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param createdAt when it was created or registered
 * @param modifiedAt when it last changed
 * @param generationId grows by one with every change (optimistic concurrency)
 */
public record Certificate(
    String certificateId,
    String pem,
    CertificateStatus status,
    String caCertificateId,
    CertificateMode mode,
    String ownedBy,
    String previousOwnedBy,
    Transfer transfer,
    Instant notBefore,
    Instant notAfter,
    Instant createdAt,
    Instant modifiedAt,
    long generationId) {
  public Certificate {
    Objects.requireNonNull(certificateId, "certificateId");
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(ownedBy, "ownedBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
  }

  /** The same certificate with another status, modified at {@code now}, next generation. */
  public Certificate withStatus(CertificateStatus newStatus, Instant now) {
    return new Certificate(
        certificateId,
        pem,
        newStatus,
        caCertificateId,
        mode,
        ownedBy,
        previousOwnedBy,
        transfer,
        notBefore,
        notAfter,
        createdAt,
        now,
        generationId + 1);
  }

  /** The same certificate with another transfer state and status. */
  public Certificate withTransfer(CertificateStatus newStatus, Transfer newTransfer, Instant now) {
    return new Certificate(
        certificateId,
        pem,
        newStatus,
        caCertificateId,
        mode,
        ownedBy,
        previousOwnedBy,
        newTransfer,
        notBefore,
        notAfter,
        createdAt,
        now,
        generationId + 1);
  }

  /** The certificate as it arrives in the account that accepted its transfer. */
  public Certificate acceptedBy(
      String newOwner, CertificateStatus newStatus, Transfer done, Instant now) {
    return new Certificate(
        certificateId,
        pem,
        newStatus,
        caCertificateId,
        mode,
        newOwner,
        ownedBy,
        done,
        notBefore,
        notAfter,
        createdAt,
        now,
        generationId + 1);
  }
}
