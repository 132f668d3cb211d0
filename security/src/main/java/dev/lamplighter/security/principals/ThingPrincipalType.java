package dev.lamplighter.security.principals;

/**
 * How a principal is attached to a thing: exclusively (the principal is attached to this thing
 * only) or not.
 */
public enum ThingPrincipalType {
  EXCLUSIVE_THING,
  NON_EXCLUSIVE_THING
}
