package dev.lamplighter.registry;

/** The kinds of events AWS IoT publishes on {@code $aws/events/…} when they are enabled. */
public enum EventType {
  THING,
  THING_GROUP,
  THING_TYPE,
  THING_GROUP_MEMBERSHIP,
  THING_GROUP_HIERARCHY,
  THING_TYPE_ASSOCIATION,
  JOB,
  JOB_EXECUTION,
  POLICY,
  CERTIFICATE,
  CA_CERTIFICATE
}
