package dev.lamplighter.security.certificates;

/** The statuses of a device certificate, as AWS IoT names them. */
public enum CertificateStatus {
  ACTIVE,
  INACTIVE,
  REVOKED,
  PENDING_TRANSFER,
  REGISTER_INACTIVE,
  PENDING_ACTIVATION
}
