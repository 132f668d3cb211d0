package dev.lamplighter.security;

/** Whether an account or access key may be used. */
public enum Status {
  ACTIVE,
  DISABLED
}
