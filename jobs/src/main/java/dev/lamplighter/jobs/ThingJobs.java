package dev.lamplighter.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * A thing's pending executions with its next one, as its notifications tell them.
 *
 * @param next the first pending execution with its document, or empty when none is pending
 */
public record ThingJobs(PendingExecutions pending, Optional<DeviceExecution> next) {
  public ThingJobs {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(next, "next");
  }
}
