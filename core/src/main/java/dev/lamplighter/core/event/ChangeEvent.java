package dev.lamplighter.core.event;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.tenancy.Scope;
import java.time.Instant;

/**
 * A committed change log entry as consumers read it.
 *
 * @param sequence position in the log; strictly increasing in commit order
 * @param at when the write committed, from the store's clock
 * @param stateJson the new state as JSON, or null for a deletion
 */
public record ChangeEvent(
    long sequence,
    Instant at,
    Scope scope,
    ResourceType type,
    String name,
    ChangeKind kind,
    String stateJson) {}
