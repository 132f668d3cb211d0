package dev.lamplighter.jobs;

import java.util.Objects;

/**
 * A parameter of a managed template: a job's value must match {@code regex} (the whole value); an
 * optional parameter left out becomes the empty string.
 */
public record DocumentParameter(
    String key, String description, String regex, String example, boolean optional) {
  public DocumentParameter {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(regex, "regex");
  }
}
