package dev.lamplighter.security.certificates;

import java.time.Instant;

/**
 * The state of a certificate's transfer to another account.
 *
 * @param targetAccount the account it is offered to
 * @param message the sender's message, or null
 * @param rejectReason the receiver's reason, or null
 * @param transferredAt when the transfer was offered
 * @param acceptedAt when it was accepted, or null
 * @param rejectedAt when it was rejected, or null
 */
public record Transfer(
    String targetAccount,
    String message,
    String rejectReason,
    Instant transferredAt,
    Instant acceptedAt,
    Instant rejectedAt) {}
