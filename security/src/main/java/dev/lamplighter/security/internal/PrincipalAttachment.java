package dev.lamplighter.security.internal;

/**
 * The state of a change log entry when a principal is attached to or detached from a thing.
 *
 * @param thingName the thing
 * @param principal the certificate ARN
 */
public record PrincipalAttachment(String thingName, String principal) {}
