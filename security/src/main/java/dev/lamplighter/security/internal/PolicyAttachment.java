package dev.lamplighter.security.internal;

/**
 * The state of a change log entry when a policy is attached to or detached from a target.
 *
 * @param policyName the policy
 * @param target the certificate or thing group ARN
 */
public record PolicyAttachment(String policyName, String target) {}
