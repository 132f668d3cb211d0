package dev.lamplighter.security.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The actions an AWS IoT policy may name, as AWS documents them: the MQTT actions, the Device
 * Shadow actions, the job execution actions (both {@code iot:} and {@code iotjobsdata:}, which
 * AWS's examples use for the HTTPS jobs API) and {@code iot:AssumeRoleWithCertificate} of the
 * credentials provider.
 *
 * <p>Each action has an id below 64, so that a statement's Action element compiles to a bit mask
 * and a request's action to one bit: matching an action on the hot path is one lookup in a map of
 * the exact names and a bit test. Greengrass actions ({@code greengrass:*}), which AWS allows in
 * the policies of Greengrass core devices, are not listed: Lamplighter has no Greengrass.
 */
final class IotActions {
  static final List<String> NAMES =
      List.of(
          // MQTT
          "iot:Connect",
          "iot:DeleteConnection",
          "iot:GetRetainedMessage",
          "iot:ListRetainedMessages",
          "iot:Publish",
          "iot:Receive",
          "iot:RetainPublish",
          "iot:Subscribe",
          // Device Shadow
          "iot:DeleteThingShadow",
          "iot:GetThingShadow",
          "iot:ListNamedShadowsForThing",
          "iot:UpdateThingShadow",
          // Job executions
          "iot:DescribeJobExecution",
          "iot:GetPendingJobExecutions",
          "iot:StartNextPendingJobExecution",
          "iot:UpdateJobExecution",
          "iotjobsdata:DescribeJobExecution",
          "iotjobsdata:GetPendingJobExecutions",
          "iotjobsdata:StartNextPendingJobExecution",
          "iotjobsdata:UpdateJobExecution",
          // Credentials provider
          "iot:AssumeRoleWithCertificate");

  private static final Map<String, Integer> EXACT = new HashMap<>();
  private static final Map<String, Integer> LOWER = new HashMap<>();

  static {
    for (int id = 0; id < NAMES.size(); id++) {
      EXACT.put(NAMES.get(id), id);
      LOWER.put(NAMES.get(id).toLowerCase(Locale.ROOT), id);
    }
    if (NAMES.size() > 64) {
      throw new IllegalStateException("action masks hold 64 actions");
    }
  }

  private IotActions() {}

  static int count() {
    return NAMES.size();
  }

  /** The id of a requested action, matched without regard to case; -1 for an unknown action. */
  static int id(String action) {
    Integer id = EXACT.get(action);
    if (id == null) {
      id = LOWER.get(action.toLowerCase(Locale.ROOT));
    }
    return id == null ? -1 : id;
  }

  /**
   * Whether {@code pattern} is shaped like an action: {@code *}, or {@code service:name} where the
   * name may hold {@code *} and {@code ?}.
   */
  static boolean wellFormed(String pattern) {
    if (pattern.equals("*")) {
      return true;
    }
    int colon = pattern.indexOf(':');
    if (colon <= 0 || colon == pattern.length() - 1) {
      return false;
    }
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || (i > colon && (c == '*' || c == '?'))
              || i == colon;
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** The known actions a well-formed pattern matches, one bit per action id; 0 for none. */
  static long mask(Template pattern) {
    long mask = 0;
    for (int id = 0; id < NAMES.size(); id++) {
      if (pattern.match(NAMES.get(id), PolicyContext.empty(), true) == Template.MATCH) {
        mask |= 1L << id;
      }
    }
    return mask;
  }
}
