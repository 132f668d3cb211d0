package dev.lamplighter.security.authorization;

import java.util.List;

/**
 * The answer to one check of TestAuthorization.
 *
 * @param check the question
 * @param decision ALLOWED, EXPLICIT_DENY or IMPLICIT_DENY
 * @param allowedBy policies with a matching Allow
 * @param explicitlyDeniedBy policies with a matching Deny
 * @param implicitlyDeniedBy policies that neither allowed nor denied
 * @param missingContextValues policy variables that could not be resolved
 */
public record AuthorizationResult(
    AuthorizationCheck check,
    String decision,
    List<String> allowedBy,
    List<String> explicitlyDeniedBy,
    List<String> implicitlyDeniedBy,
    List<String> missingContextValues) {}
