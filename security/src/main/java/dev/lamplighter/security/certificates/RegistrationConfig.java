package dev.lamplighter.security.certificates;

/**
 * Just-in-time provisioning settings of a registered CA, kept for the provisioning capability.
 *
 * @param templateBody a provisioning template, or null
 * @param roleArn the role the template runs as, or null
 * @param templateName a named provisioning template, or null
 */
public record RegistrationConfig(String templateBody, String roleArn, String templateName) {
  public static RegistrationConfig none() {
    return new RegistrationConfig(null, null, null);
  }
}
