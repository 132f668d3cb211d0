package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.Message;

/**
 * A message on its way to one session.
 *
 * @param journalId the journal's id when the session is owed it durably, else 0
 */
record Envelope(long journalId, Message message) {}
