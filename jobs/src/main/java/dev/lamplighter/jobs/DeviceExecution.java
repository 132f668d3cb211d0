package dev.lamplighter.jobs;

import java.util.Objects;

/**
 * An execution as a device gets it: with the job document, placeholders filled in for this thing
 * (parameters, and presigned URLs valid from now).
 *
 * @param document the document, or null when it was not asked for
 */
public record DeviceExecution(JobExecution execution, String document) {
  public DeviceExecution {
    Objects.requireNonNull(execution, "execution");
  }
}
