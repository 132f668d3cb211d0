package dev.lamplighter.jobs;

/**
 * Which things a job runs on: SNAPSHOT, the targets' things when the job is created; CONTINUOUS,
 * also things that join a target group later (and a queued execution is REMOVED when its thing
 * leaves).
 */
public enum TargetSelection {
  SNAPSHOT,
  CONTINUOUS
}
