package dev.lamplighter.security.internal;

/**
 * The state a change log entry carries when something is attached or detached: a principal to a
 * thing, or a policy to a target.
 *
 * @param attached what was attached (a thing name or a target ARN)
 * @param to what it was attached to (a principal ARN or a policy name)
 */
public record Attachment(String attached, String to) {}
