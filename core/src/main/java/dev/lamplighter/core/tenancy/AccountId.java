package dev.lamplighter.core.tenancy;

/** A 12-digit AWS-style account id. */
public record AccountId(String value) {
  public AccountId {
    if (!isValid(value)) {
      throw new IllegalArgumentException("an account id is 12 digits, not '" + value + "'");
    }
  }

  public static AccountId of(String value) {
    return new AccountId(value);
  }

  public static boolean isValid(String value) {
    if (value == null || value.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
