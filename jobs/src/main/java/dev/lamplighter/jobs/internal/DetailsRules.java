package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import java.util.Map;
import java.util.regex.Pattern;

/** AWS's rules for an execution's statusDetails and step timeouts. */
final class DetailsRules {
  private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
  private static final Pattern VALUE = Pattern.compile("[^\\p{C}]{1,1024}");
  static final int MAX_CONTROL_PLANE_DETAILS = 10;

  private DetailsRules() {}

  /**
   * Checks name/value pairs; null passes.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST naming the pair
   */
  static void check(Map<String, String> details) {
    if (details == null) {
      return;
    }
    for (Map.Entry<String, String> entry : details.entrySet()) {
      if (!KEY.matcher(entry.getKey()).matches()) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "statusDetails key %s must be 1 to 128 characters of [a-zA-Z0-9:_-].", entry.getKey());
      }
      if (entry.getValue() == null || !VALUE.matcher(entry.getValue()).matches()) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "statusDetails value of %s must be 1 to 1024 characters without control characters.",
            entry.getKey());
      }
    }
  }

  /** As {@link #check}, and at most 10 pairs (the control plane's limit). */
  static void checkControlPlane(Map<String, String> details) {
    check(details);
    if (details != null && details.size() > MAX_CONTROL_PLANE_DETAILS) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "statusDetails can hold at most %d name/value pairs, not %d.",
          MAX_CONTROL_PLANE_DETAILS, details.size());
    }
  }

  /** Checks a step timeout: 1 to 10080 minutes, or -1 to clear the step timer; null passes. */
  static void checkStepTimeout(Long minutes) {
    if (minutes != null
        && minutes != -1
        && (minutes < 1 || minutes > ConfigRules.MAX_TIMEOUT_MINUTES)) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "stepTimeoutInMinutes must be 1 to %d, or -1 to cancel the step timer, not %d.",
          ConfigRules.MAX_TIMEOUT_MINUTES, minutes);
    }
  }
}
