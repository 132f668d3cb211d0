package dev.lamplighter.security.certificates;

/**
 * The input of RegisterCACertificate.
 *
 * @param caCertificatePem the CA certificate
 * @param verificationCertificatePem signed by the CA over the registration code (DEFAULT mode)
 * @param setAsActive whether it starts ACTIVE
 * @param allowAutoRegistration whether its device certificates register on first connect
 * @param registrationConfig just-in-time provisioning settings, or null
 * @param mode DEFAULT or SNI_ONLY
 */
public record NewCaRegistration(
    String caCertificatePem,
    String verificationCertificatePem,
    boolean setAsActive,
    boolean allowAutoRegistration,
    RegistrationConfig registrationConfig,
    CertificateMode mode) {}
