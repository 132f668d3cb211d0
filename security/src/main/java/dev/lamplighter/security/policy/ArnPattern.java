package dev.lamplighter.security.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An ARN value of {@code ArnEquals}/{@code ArnLike}: as IAM checks them, each of the six
 * colon-separated parts ({@code arn:partition:service:region:account:resource}) is matched on its
 * own, with {@code *} and {@code ?} inside a part; the resource part may itself contain colons. A
 * value with fewer than six parts matches no ARN.
 */
final class ArnPattern {
  private static final int PARTS = 6;

  private final Template[] parts;

  private ArnPattern(Template[] parts) {
    this.parts = parts;
  }

  static ArnPattern parse(String text) {
    List<String> parts = split(text);
    if (parts.size() != PARTS) {
      return new ArnPattern(new Template[0]);
    }
    Template[] templates = new Template[PARTS];
    for (int i = 0; i < PARTS; i++) {
      templates[i] = Template.parse(parts.get(i), true);
    }
    return new ArnPattern(templates);
  }

  /** Splits at the first five colons that are not inside a {@code ${…}} variable. */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length() && parts.size() < PARTS - 1) {
      if (text.startsWith("${", i) && text.indexOf('}', i) > 0) {
        i = text.indexOf('}', i) + 1;
      } else if (text.charAt(i) == ':') {
        parts.add(text.substring(start, i));
        start = ++i;
      } else {
        i++;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /**
   * Whether {@code text} is shaped like an ARN: {@code
   * arn:partition:service:region:account:resource} with a partition, a service and a resource
   * (region and account may be empty or wildcards).
   */
  static boolean shapedLikeArn(String text) {
    List<String> parts = split(text);
    return parts.size() == PARTS
        && parts.get(0).equals("arn")
        && !parts.get(1).isEmpty()
        && !parts.get(2).isEmpty()
        && !parts.get(5).isEmpty();
  }

  boolean resolves(PolicyContext context) {
    for (Template part : parts) {
      if (!part.resolves(context)) {
        return false;
      }
    }
    return true;
  }

  void addUnresolved(PolicyContext context, Collection<String> names) {
    for (Template part : parts) {
      part.addUnresolved(context, names);
    }
  }

  /** Whether the ARN {@code value} matches, its variables being resolved. */
  boolean matches(String value, PolicyContext context) {
    if (parts.length == 0) {
      return false;
    }
    int from = 0;
    for (int i = 0; i < PARTS - 1; i++) {
      int colon = value.indexOf(':', from);
      if (colon < 0 || parts[i].match(value, from, colon, context, false) != Template.MATCH) {
        return false;
      }
      from = colon + 1;
    }
    return parts[PARTS - 1].match(value, from, value.length(), context, false) == Template.MATCH;
  }
}
