package dev.lamplighter.jobs.spi;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Objects;

/** A job execution named across scopes, for the engine. */
public record ScopedExecution(Scope scope, String jobId, String thingName) {
  public ScopedExecution {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(thingName, "thingName");
  }
}
