package dev.lamplighter.jobs;

/**
 * ListJobs' filters, each null when not given.
 *
 * @param thingGroupName jobs with this thing group among their targets
 * @param thingGroupId jobs whose target group has this id
 */
public record JobQuery(
    JobStatus status,
    TargetSelection targetSelection,
    String thingGroupName,
    String thingGroupId,
    String namespaceId) {
  public static final JobQuery ALL = new JobQuery(null, null, null, null, null);
}
