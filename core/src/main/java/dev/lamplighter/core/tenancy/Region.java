package dev.lamplighter.core.tenancy;

import java.util.regex.Pattern;

/** A region name as it appears in a SigV4 credential scope, such as {@code eu-west-1}. */
public record Region(String value) {
  private static final Pattern NAME = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}");

  public Region {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException("not a region name: '" + value + "'");
    }
  }

  public static Region of(String value) {
    return new Region(value);
  }

  public static boolean isValid(String value) {
    return value != null && NAME.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
