/**
 * The one error catalogue. Every failure a caller can see is a {@link
 * dev.lamplighter.core.error.ErrorCode}, which fixes the AWS error type and HTTP status; the
 * message is given where the failure is raised.
 */
package dev.lamplighter.core.error;
