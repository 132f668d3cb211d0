package dev.lamplighter.security.certificates;

/**
 * The input of UpdateCACertificate; null members are not changed.
 *
 * @param status the new status
 * @param autoRegistration the new auto-registration setting
 * @param registrationConfig new provisioning settings
 * @param removeAutoRegistration whether to turn auto-registration off
 */
public record CaCertificateUpdate(
    CaCertificateStatus status,
    Boolean autoRegistration,
    RegistrationConfig registrationConfig,
    boolean removeAutoRegistration) {}
