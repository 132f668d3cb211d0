package dev.lamplighter.broker.internal;

import java.nio.charset.StandardCharsets;

/**
 * Validation of topic names and filters against MQTT's rules and the broker's limits. A value that
 * fails is answered as malformed (names) or refused (filters) by the caller; nothing here throws.
 *
 * <p>The decoder replaces invalid UTF-8 with U+FFFD, so a name or filter containing it is treated
 * as having been invalid UTF-8 on the wire; U+0000 is forbidden by MQTT.
 */
final class Topics {
  static final String SHARE_PREFIX = "$share/";

  private final int maxBytes;
  private final int maxSlashes;

  Topics(int maxBytes, int maxSlashes) {
    this.maxBytes = maxBytes;
    this.maxSlashes = maxSlashes;
  }

  /** Null when {@code topic} is a valid topic name to publish on, else why it is not. */
  String checkName(String topic) {
    if (topic.isEmpty()) {
      return "the topic is empty";
    }
    String common = checkCommon(topic);
    if (common != null) {
      return common;
    }
    if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
      return "the topic contains a wildcard";
    }
    return null;
  }

  /**
   * Null when {@code filter} is a valid topic filter ({@code $share/{group}/{filter}} included),
   * else why it is not.
   */
  String checkFilter(String filter) {
    if (filter.isEmpty()) {
      return "the topic filter is empty";
    }
    String common = checkCommon(filter);
    if (common != null) {
      return common;
    }
    String plain = filter;
    if (filter.startsWith(SHARE_PREFIX)) {
      int slash = filter.indexOf('/', SHARE_PREFIX.length());
      if (slash <= SHARE_PREFIX.length() || slash == filter.length() - 1) {
        return "a shared subscription needs a group name and a topic filter";
      }
      String group = filter.substring(SHARE_PREFIX.length(), slash);
      if (group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
        return "a share name cannot contain wildcards";
      }
      plain = filter.substring(slash + 1);
    }
    int levelStart = 0;
    for (int i = 0; i <= plain.length(); i++) {
      if (i == plain.length() || plain.charAt(i) == '/') {
        String level = plain.substring(levelStart, i);
        if (level.length() > 1 && (level.indexOf('+') >= 0 || level.indexOf('#') >= 0)) {
          return "a wildcard must occupy a whole topic level";
        }
        if (level.equals("#") && i != plain.length()) {
          return "'#' must be the last level of a topic filter";
        }
        levelStart = i + 1;
      }
    }
    return null;
  }

  private String checkCommon(String value) {
    if (value.indexOf('\u0000') >= 0 || value.indexOf('\uFFFD') >= 0) {
      return "the topic is not valid UTF-8";
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      return "the topic is longer than " + maxBytes + " bytes";
    }
    int slashes = 0;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '/') {
        slashes++;
      }
    }
    int allowed = maxSlashes + reservedPrefixSlashes(value);
    if (slashes > allowed) {
      return "the topic has more than " + maxSlashes + " forward slashes";
    }
    return null;
  }

  /**
   * Slashes of a mandatory prefix that do not count against the limit: the share prefix, and AWS's
   * basic-ingest prefix {@code $aws/rules/{rule}/}.
   */
  private static int reservedPrefixSlashes(String value) {
    int extra = 0;
    String rest = value;
    if (rest.startsWith(SHARE_PREFIX)) {
      extra += 2;
      int slash = rest.indexOf('/', SHARE_PREFIX.length());
      rest = slash < 0 ? "" : rest.substring(slash + 1);
    }
    if (rest.startsWith("$aws/rules/")) {
      extra += 3;
    }
    return extra;
  }
}
