package dev.lamplighter.jobs;

import java.util.List;
import java.util.Objects;

/**
 * DescribeJob's answer: the job with its progress.
 *
 * @param document the document as devices get it (parameters filled in), or before substitution
 *     when that was asked for
 * @param concurrent whether the engine is rolling out or winding down executions right now
 * @param scheduledRollouts the next starts of the job's maintenance windows (up to seven), as
 *     {@code YYYY-MM-DDTHH:MM} in UTC
 */
public record JobDetails(
    Job job,
    String document,
    JobProcessDetails processDetails,
    boolean concurrent,
    List<String> scheduledRollouts) {
  public JobDetails {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(processDetails, "processDetails");
    scheduledRollouts = List.copyOf(scheduledRollouts);
  }
}
