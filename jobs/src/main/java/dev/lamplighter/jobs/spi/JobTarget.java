package dev.lamplighter.jobs.spi;

import java.util.Objects;

/**
 * One target of a job, as stored beside it so jobs can be found by target group.
 *
 * @param arn the target's ARN, as given
 * @param groupName the thing group's name, or null for a thing
 * @param groupId the thing group's id, or null for a thing
 */
public record JobTarget(String arn, String groupName, String groupId) {
  public JobTarget {
    Objects.requireNonNull(arn, "arn");
  }
}
