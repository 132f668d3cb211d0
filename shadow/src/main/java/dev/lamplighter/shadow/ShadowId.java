package dev.lamplighter.shadow;

import dev.lamplighter.core.error.ErrorCode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which shadow of which thing: the classic (unnamed) shadow when {@code shadowName} is null.
 *
 * @param thingName the thing, 1 to 128 characters of {@code [a-zA-Z0-9:_-]}
 * @param shadowName the named shadow, 1 to 64 characters of {@code [$a-zA-Z0-9:_-]}, or null
 */
public record ShadowId(String thingName, String shadowName) {
  private static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
  private static final Pattern SHADOW_NAME = Pattern.compile("[$a-zA-Z0-9:_-]{1,64}");

  public ShadowId {
    Objects.requireNonNull(thingName, "thingName");
  }

  /**
   * A shadow id from a request, checked as AWS checks names.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST naming the bad name
   */
  public static ShadowId of(String thingName, String shadowName) {
    if (thingName == null || !THING_NAME.matcher(thingName).matches()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "thingName %s must be 1 to 128 characters of [a-zA-Z0-9:_-].", thingName);
    }
    if (shadowName != null && !SHADOW_NAME.matcher(shadowName).matches()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "shadowName %s must be 1 to 64 characters of [$a-zA-Z0-9:_-].", shadowName);
    }
    return new ShadowId(thingName, shadowName);
  }

  public static ShadowId classic(String thingName) {
    return of(thingName, null);
  }

  public boolean isClassic() {
    return shadowName == null;
  }

  /** How messages name the shadow: the thing name for a classic one, as AWS does. */
  public String displayName() {
    return shadowName == null ? thingName : shadowName;
  }
}
