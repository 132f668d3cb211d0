package dev.lamplighter.core.tenancy;

/** A region name as it appears in a SigV4 credential scope, such as {@code eu-west-1}. */
public record Region(String value) {

  public Region {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a region name: '" + value + "'");
    }
  }

  public static Region of(String value) {
    return new Region(value);
  }

  /**
   * Whether the text is a region name: 2 to 4 lower-case letters, one or more groups of a dash and
   * lower-case letters, then a dash and 1 or 2 digits ({@code us-gov-west-1}). Checked by hand
   * because every API request checks one.
   */
  public static boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    int length = value.length();
    int i = 0;
    while (i < length && isLetter(value.charAt(i))) {
      i++;
    }
    if (i < 2 || i > 4) {
      return false;
    }
    int letterGroups = 0;
    while (i < length && value.charAt(i) == '-') {
      int start = ++i;
      while (i < length && isLetter(value.charAt(i))) {
        i++;
      }
      if (i == start) {
        break;
      }
      letterGroups++;
    }
    if (letterGroups == 0 || i >= length || value.charAt(i - 1) != '-') {
      return false;
    }
    int digits = length - i;
    if (digits < 1 || digits > 2) {
      return false;
    }
    for (; i < length; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  @Override
  public String toString() {
    return value;
  }
}
