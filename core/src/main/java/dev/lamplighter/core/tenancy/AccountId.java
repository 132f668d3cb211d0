package dev.lamplighter.core.tenancy;

import java.util.regex.Pattern;

/** A 12-digit AWS-style account id. */
public record AccountId(String value) {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{12}");

  public AccountId {
    if (value == null || !DIGITS.matcher(value).matches()) {
      throw new IllegalArgumentException("an account id is 12 digits, not '" + value + "'");
    }
  }

  public static AccountId of(String value) {
    return new AccountId(value);
  }

  public static boolean isValid(String value) {
    return value != null && DIGITS.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
