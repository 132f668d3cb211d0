package dev.lamplighter.jobs;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.util.Objects;

/**
 * A device's request refused because of its execution's current state (an invalid transition or a
 * stale expected version). Carries that state, which AWS puts in the MQTT rejection's {@code
 * executionState}.
 */
public final class ExecutionStateException extends ServiceException {
  private static final long serialVersionUID = 1L;

  private final transient JobExecution current;

  public ExecutionStateException(ErrorCode code, String message, JobExecution current) {
    super(code, message);
    this.current = Objects.requireNonNull(current, "current");
  }

  /** The execution as it stands. */
  public JobExecution current() {
    return current;
  }
}
