package dev.lamplighter.store.internal;

import dev.lamplighter.core.event.ChangeRecord;

/**
 * A change log entry appended in a transaction that has not committed yet.
 *
 * @param stateJson the record's state, serialized when it was appended; null for a deletion
 */
record PendingChange(ChangeRecord record, String stateJson) {}
