package dev.lamplighter.security.principals;

import java.time.Instant;
import java.util.Objects;

/**
 * A principal attached to a thing.
 *
 * @param thingName the thing
 * @param principal the principal's ARN (a certificate ARN)
 * @param type exclusive or not
 * @param attachedAt when it was attached
 */
public record ThingPrincipal(
    String thingName, String principal, ThingPrincipalType type, Instant attachedAt) {
  public ThingPrincipal {
    Objects.requireNonNull(thingName, "thingName");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(attachedAt, "attachedAt");
  }
}
