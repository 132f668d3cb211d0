package dev.lamplighter.index.internal.query;

/** The two indexes of a scope: AWS_Things and AWS_ThingGroups. */
public enum IndexKind {
  THINGS,
  THING_GROUPS
}
