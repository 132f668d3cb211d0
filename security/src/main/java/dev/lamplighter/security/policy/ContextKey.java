package dev.lamplighter.security.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A policy variable ({@code ${iot:ClientId}} in a Resource or a Condition value) or a condition
 * key, compiled once to the field of {@link PolicyContext} it reads, so that evaluation is a field
 * read or one map lookup.
 *
 * <p>Names are matched without regard to case, as IAM does for condition keys; a thing attribute's
 * name (between the brackets) keeps its case. A name AWS does not document for IoT policies reads
 * the context's other values, which a caller fills only for keys such as {@code aws:SourceVpce};
 * otherwise it is always absent.
 */
final class ContextKey {
  /** What a key reads. */
  enum Kind {
    CLIENT_ID,
    DOMAIN_NAME,
    SOURCE_IP,
    CURRENT_TIME,
    EPOCH_TIME,
    THING_NAME,
    THING_TYPE_NAME,
    THING_ATTRIBUTE,
    THING_IS_ATTACHED,
    CERTIFICATE_ID,
    CERTIFICATE_SERIAL_NUMBER,
    CERTIFICATE_FIELD,
    CERTIFICATE_AVAILABLE_KEYS,
    CONNECT_ATTRIBUTES,
    OTHER
  }

  /** The index of a certificate field that stands for all its values ({@code .List}). */
  static final int ALL_VALUES = -1;

  /** The X.509 distinguished-name attributes AWS documents as certificate policy variables. */
  static final List<String> DN_ATTRIBUTES =
      List.of(
          "DistinguishedNameQualifier",
          "Country",
          "Organization",
          "OrganizationalUnit",
          "State",
          "CommonName",
          "SerialNumber",
          "Title",
          "Surname",
          "GivenName",
          "Initials",
          "Pseudonym",
          "GenerationQualifier");

  /** The alternative-name types AWS documents for the subject and the issuer. */
  static final List<String> ALTERNATIVE_NAME_TYPES =
      List.of("RFC822Name", "DNSName", "DirectoryName", "UniformResourceIdentifier", "IPAddress");

  private static final String CERTIFICATE_PREFIX = "iot:certificate.";
  private static final String ATTRIBUTES_PREFIX = "iot:connection.thing.attributes[";

  private static final Map<String, Kind> FIXED =
      Map.ofEntries(
          Map.entry("iot:clientid", Kind.CLIENT_ID),
          Map.entry("iot:domainname", Kind.DOMAIN_NAME),
          Map.entry("aws:sourceip", Kind.SOURCE_IP),
          Map.entry("aws:currenttime", Kind.CURRENT_TIME),
          Map.entry("aws:epochtime", Kind.EPOCH_TIME),
          Map.entry("iot:connection.thing.thingname", Kind.THING_NAME),
          Map.entry("iot:connection.thing.thingtypename", Kind.THING_TYPE_NAME),
          Map.entry("iot:connection.thing.isattached", Kind.THING_IS_ATTACHED),
          Map.entry("iot:certificateid", Kind.CERTIFICATE_ID),
          Map.entry("iot:certificate.serialnumber", Kind.CERTIFICATE_SERIAL_NUMBER),
          Map.entry("iot:certificate.availablekeys", Kind.CERTIFICATE_AVAILABLE_KEYS),
          Map.entry("iot:connectattributes", Kind.CONNECT_ATTRIBUTES));

  private final String name;
  private final Kind kind;
  private final String argument;
  private final int index;

  private ContextKey(String name, Kind kind, String argument, int index) {
    this.name = name;
    this.kind = kind;
    this.argument = argument;
    this.index = index;
  }

  /** The key of a name as written in a policy, without {@code ${}}. */
  static ContextKey of(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    Kind fixed = FIXED.get(lower);
    if (fixed != null) {
      return new ContextKey(name, fixed, null, 0);
    }
    if (lower.startsWith(ATTRIBUTES_PREFIX) && name.endsWith("]")) {
      String attribute = name.substring(ATTRIBUTES_PREFIX.length(), name.length() - 1);
      if (!attribute.isEmpty()) {
        return new ContextKey(name, Kind.THING_ATTRIBUTE, attribute, 0);
      }
    }
    if (lower.startsWith(CERTIFICATE_PREFIX)) {
      ContextKey field = certificateField(name, name.substring(CERTIFICATE_PREFIX.length()));
      if (field != null) {
        return field;
      }
    }
    return new ContextKey(name, Kind.OTHER, lower, 0);
  }

  /**
   * {@code Subject.CommonName}, {@code Issuer.Organization.1}, {@code
   * Subject.AlternativeName.DNSName.List}: a documented certificate field with an optional index or
   * {@code .List}; null for anything else.
   */
  private static ContextKey certificateField(String name, String field) {
    String[] parts = field.split("\\.", -1);
    int at;
    String canonical;
    if (parts.length >= 2 && isSide(parts[0]) && find(DN_ATTRIBUTES, parts[1]) != null) {
      canonical = canonicalSide(parts[0]) + "." + find(DN_ATTRIBUTES, parts[1]);
      at = 2;
    } else if (parts.length >= 3
        && isSide(parts[0])
        && parts[1].equalsIgnoreCase("AlternativeName")
        && find(ALTERNATIVE_NAME_TYPES, parts[2]) != null) {
      canonical =
          canonicalSide(parts[0]) + ".AlternativeName." + find(ALTERNATIVE_NAME_TYPES, parts[2]);
      at = 3;
    } else {
      return null;
    }
    if (parts.length == at) {
      return new ContextKey(name, Kind.CERTIFICATE_FIELD, canonical, 0);
    }
    if (parts.length != at + 1) {
      return null;
    }
    String suffix = parts[at];
    if (suffix.equalsIgnoreCase("List")) {
      return new ContextKey(name, Kind.CERTIFICATE_FIELD, canonical, ALL_VALUES);
    }
    if (!suffix.isEmpty() && suffix.length() <= 2 && suffix.chars().allMatch(Character::isDigit)) {
      return new ContextKey(name, Kind.CERTIFICATE_FIELD, canonical, Integer.parseInt(suffix));
    }
    return null;
  }

  private static boolean isSide(String side) {
    return side.equalsIgnoreCase("Subject") || side.equalsIgnoreCase("Issuer");
  }

  private static String canonicalSide(String side) {
    return side.equalsIgnoreCase("Subject") ? "Subject" : "Issuer";
  }

  private static String find(List<String> names, String name) {
    for (String candidate : names) {
      if (candidate.equalsIgnoreCase(name)) {
        return candidate;
      }
    }
    return null;
  }

  /** The name as the policy wrote it; the name reported as a missing context value. */
  String name() {
    return name;
  }

  Kind kind() {
    return kind;
  }

  /** Whether the key has a list of values, read with {@link #values}, not {@link #value}. */
  boolean multiValued() {
    return switch (kind) {
      case CERTIFICATE_AVAILABLE_KEYS, CONNECT_ATTRIBUTES, OTHER -> true;
      case CERTIFICATE_FIELD -> index == ALL_VALUES;
      default -> false;
    };
  }

  /**
   * The key's single value, or null when the context has none. A multi-valued key has no single
   * value, except that one of the other values with exactly one value is that value.
   */
  String value(PolicyContext context) {
    switch (kind) {
      case CLIENT_ID:
        return context.clientId;
      case THING_NAME:
        return context.thingName;
      case THING_TYPE_NAME:
        return context.thingTypeName;
      case THING_ATTRIBUTE:
        return context.thingAttributes.get(argument);
      case THING_IS_ATTACHED:
        return context.thingAttached;
      case CERTIFICATE_ID:
        return context.certificateId;
      case CERTIFICATE_SERIAL_NUMBER:
        return context.certificateSerialNumber;
      case CERTIFICATE_FIELD:
        String[] values = context.certificateFields.get(argument);
        return values == null || index == ALL_VALUES || index >= values.length
            ? null
            : values[index];
      case DOMAIN_NAME:
        return context.domainName;
      case SOURCE_IP:
        return context.sourceIp;
      case CURRENT_TIME:
        return context.currentTime;
      case EPOCH_TIME:
        return context.epochTime;
      case OTHER:
        List<String> other = context.otherValues.get(argument);
        return other != null && other.size() == 1 ? other.get(0) : null;
      default:
        return null;
    }
  }

  /** The values of a multi-valued key, or null when the context has none. */
  List<String> values(PolicyContext context) {
    switch (kind) {
      case CERTIFICATE_FIELD:
        if (index != ALL_VALUES) {
          return null;
        }
        return context.certificateLists.get(argument);
      case CERTIFICATE_AVAILABLE_KEYS:
        return context.availableCertificateKeys.isEmpty() ? null : context.availableCertificateKeys;
      case CONNECT_ATTRIBUTES:
        return context.connectAttributes;
      case OTHER:
        return context.otherValues.get(argument);
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
