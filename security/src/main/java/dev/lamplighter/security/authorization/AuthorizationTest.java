package dev.lamplighter.security.authorization;

import java.util.List;

/**
 * The input of TestAuthorization.
 *
 * @param principal the certificate ARN whose policies are tested
 * @param clientId the MQTT client id, for {@code ${iot:ClientId}}, or null
 * @param checks the questions
 * @param policyNamesToAdd policies to evaluate as if attached
 * @param policyNamesToSkip attached policies to leave out
 */
public record AuthorizationTest(
    String principal,
    String clientId,
    List<AuthorizationCheck> checks,
    List<String> policyNamesToAdd,
    List<String> policyNamesToSkip) {
  public AuthorizationTest {
    checks = List.copyOf(checks);
    policyNamesToAdd = policyNamesToAdd == null ? List.of() : List.copyOf(policyNamesToAdd);
    policyNamesToSkip = policyNamesToSkip == null ? List.of() : List.copyOf(policyNamesToSkip);
  }
}
