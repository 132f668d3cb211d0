package dev.lamplighter.security.policy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;

/** The {@code MalformedPolicyException} of a document, in AWS's wording where it is known. */
final class Malformed {
  private static final String PREFIX = "Policy document is Malformed: ";

  private Malformed() {}

  /** An exception whose message is AWS's prefix followed by {@code detail}. */
  static ServiceException because(String detail) {
    return ErrorCode.MALFORMED_POLICY.exception(PREFIX + detail);
  }
}
