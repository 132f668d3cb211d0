package dev.lamplighter.jobs.spi;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Objects;

/** A job named across scopes, for the engine. */
public record ScopedJob(Scope scope, String jobId) {
  public ScopedJob {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(jobId, "jobId");
  }
}
