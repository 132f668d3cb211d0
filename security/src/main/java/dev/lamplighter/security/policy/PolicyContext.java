package dev.lamplighter.security.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The values one authorization may read: the policy variables and condition keys AWS documents for
 * IoT policies. The broker builds one per connection (and reuses it for every publish, subscribe
 * and receive of that connection); TestAuthorization builds one from its request. A value that is
 * not set is absent: a policy variable that needs it does not resolve, and a condition on it is
 * false (or true for the negated operators, {@code …IfExists} and {@code Null}, as in IAM).
 *
 * <p>Certificate values follow AWS's limits: at most five values of an attribute are kept, and a
 * value longer than 1024 characters or containing a wildcard character ({@code * $ + ? #}) is not
 * substituted, so a policy that uses it does not match. Only the attributes AWS documents are read
 * by policies; others (such as Locality, which AWS has no variable for) are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyContext {
  private static final PolicyContext EMPTY = builder().build();
  private static final int MAX_CERTIFICATE_VALUES = 5;
  private static final int MAX_CERTIFICATE_VALUE_LENGTH = 1024;

  final String clientId;
  final String domainName;
  final String sourceIp;
  final byte[] sourceIpAddress;
  final String currentTime;
  final String epochTime;
  final long currentTimeMillis;
  final String thingName;
  final String thingTypeName;
  final Map<String, String> thingAttributes;
  final String thingAttached;
  final String certificateId;
  final String certificateSerialNumber;
  final Map<String, String[]> certificateFields;
  final Map<String, List<String>> certificateLists;
  final List<String> availableCertificateKeys;
  final List<String> connectAttributes;
  final Map<String, List<String>> otherValues;

  private PolicyContext(Builder b) {
    clientId = b.clientId;
    domainName = b.domainName;
    sourceIp = b.sourceIp;
    sourceIpAddress = b.sourceIp == null ? null : IpAddresses.parse(b.sourceIp);
    if (b.currentTime == null) {
      currentTime = null;
      epochTime = null;
      currentTimeMillis = Long.MIN_VALUE;
    } else {
      Instant seconds = b.currentTime.truncatedTo(ChronoUnit.SECONDS);
      currentTime = seconds.toString();
      epochTime = Long.toString(seconds.getEpochSecond());
      currentTimeMillis = b.currentTime.toEpochMilli();
    }
    thingName = b.thingName;
    thingTypeName = b.thingTypeName;
    thingAttributes = Map.copyOf(b.thingAttributes);
    thingAttached = b.thingAttached == null ? null : b.thingAttached.toString();
    certificateId = b.certificateId;
    certificateSerialNumber = b.certificateSerialNumber;
    Map<String, String[]> fields = new LinkedHashMap<>();
    Map<String, List<String>> lists = new LinkedHashMap<>();
    List<String> available = new ArrayList<>();
    b.certificateFields.forEach(
        (field, values) -> {
          String[] usable = new String[Math.min(values.size(), MAX_CERTIFICATE_VALUES)];
          List<String> listed = new ArrayList<>();
          for (int i = 0; i < usable.length; i++) {
            String value = values.get(i);
            if (substitutable(value)) {
              usable[i] = value;
              listed.add(value);
            }
          }
          fields.put(field, usable);
          if (!listed.isEmpty()) {
            lists.put(field, List.copyOf(listed));
            available.add("iot:Certificate." + field);
          }
        });
    if (certificateSerialNumber != null) {
      available.add("iot:Certificate.SerialNumber");
    }
    certificateFields = Collections.unmodifiableMap(fields);
    certificateLists = Collections.unmodifiableMap(lists);
    availableCertificateKeys = List.copyOf(available);
    connectAttributes = b.connectAttributes;
    otherValues = Map.copyOf(b.otherValues);
  }

  /** A context with no values at all. */
  public static PolicyContext empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  private static boolean substitutable(String value) {
    if (value.length() > MAX_CERTIFICATE_VALUE_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      switch (value.charAt(i)) {
        case '*', '$', '+', '?', '#':
          return false;
        default:
          break;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "PolicyContext[clientId="
        + clientId
        + ", thingName="
        + thingName
        + ", certificateId="
        + certificateId
        + ", sourceIp="
        + sourceIp
        + "]";
  }

  /** Collects the values; every setter replaces what an earlier call of it set. */
  public static final class Builder {
    private String clientId;
    private String domainName;
    private String sourceIp;
    private Instant currentTime;
    private String thingName;
    private String thingTypeName;
    private final Map<String, String> thingAttributes = new LinkedHashMap<>();
    private Boolean thingAttached;
    private String certificateId;
    private String certificateSerialNumber;
    private final Map<String, List<String>> certificateFields = new LinkedHashMap<>();
    private List<String> connectAttributes;
    private final Map<String, List<String>> otherValues = new LinkedHashMap<>();

    private Builder() {}

    /** {@code iot:ClientId}: the MQTT client id of the connection. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** {@code iot:DomainName}: the domain name the client connected to. */
    public Builder domainName(String domainName) {
      this.domainName = domainName;
      return this;
    }

    /** {@code aws:SourceIp}: the client's IP address (IPv4 or IPv6 literal). */
    public Builder sourceIp(String sourceIp) {
      this.sourceIp = sourceIp;
      return this;
    }

    /** {@code aws:CurrentTime} and {@code aws:EpochTime}: the time of the request. */
    public Builder currentTime(Instant currentTime) {
      this.currentTime = currentTime;
      return this;
    }

    /** {@code iot:Connection.Thing.ThingName}: the thing the connection is evaluated for. */
    public Builder thingName(String thingName) {
      this.thingName = thingName;
      return this;
    }

    /** {@code iot:Connection.Thing.ThingTypeName}. */
    public Builder thingTypeName(String thingTypeName) {
      this.thingTypeName = thingTypeName;
      return this;
    }

    /** {@code iot:Connection.Thing.Attributes[name]}: all the thing's attributes. */
    public Builder thingAttributes(Map<String, String> attributes) {
      thingAttributes.clear();
      attributes.forEach(this::thingAttribute);
      return this;
    }

    /** {@code iot:Connection.Thing.Attributes[name]}: one attribute of the thing. */
    public Builder thingAttribute(String name, String value) {
      thingAttributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value));
      return this;
    }

    /**
     * {@code iot:Connection.Thing.IsAttached}: whether the thing is attached to the principal (the
     * certificate) the connection authenticated with.
     */
    public Builder thingAttached(boolean attached) {
      this.thingAttached = attached;
      return this;
    }

    /** {@code iot:CertificateId}: the id of the client certificate. */
    public Builder certificateId(String certificateId) {
      this.certificateId = certificateId;
      return this;
    }

    /** {@code iot:Certificate.SerialNumber}: the serial number of the client certificate. */
    public Builder certificateSerialNumber(String serialNumber) {
      this.certificateSerialNumber = serialNumber;
      return this;
    }

    /**
     * {@code iot:Certificate.Subject.<attribute>}: the values of one subject DN attribute, in
     * certificate order, for example {@code subject("CommonName", "lamp-42")}. Attribute names are
     * those AWS documents (CommonName, Organization, OrganizationalUnit, Country, State,
     * SerialNumber, Title, Surname, GivenName, Initials, Pseudonym, GenerationQualifier,
     * DistinguishedNameQualifier); others are ignored.
     */
    public Builder subject(String attribute, String... values) {
      return certificateField("Subject", ContextKey.DN_ATTRIBUTES, attribute, values);
    }

    /** {@code iot:Certificate.Issuer.<attribute>}: as {@link #subject}, for the issuer's DN. */
    public Builder issuer(String attribute, String... values) {
      return certificateField("Issuer", ContextKey.DN_ATTRIBUTES, attribute, values);
    }

    /**
     * {@code iot:Certificate.Subject.AlternativeName.<type>}: the subject alternative names of one
     * type: RFC822Name, DNSName, DirectoryName, UniformResourceIdentifier or IPAddress.
     */
    public Builder subjectAlternativeName(String type, String... values) {
      return certificateField(
          "Subject.AlternativeName", ContextKey.ALTERNATIVE_NAME_TYPES, type, values);
    }

    /**
     * {@code iot:Certificate.Issuer.AlternativeName.<type>}: as {@link #subjectAlternativeName}.
     */
    public Builder issuerAlternativeName(String type, String... values) {
      return certificateField(
          "Issuer.AlternativeName", ContextKey.ALTERNATIVE_NAME_TYPES, type, values);
    }

    private Builder certificateField(
        String prefix, List<String> documented, String name, String... values) {
      for (String known : documented) {
        if (known.equalsIgnoreCase(name)) {
          certificateFields.put(prefix + "." + known, List.of(values));
        }
      }
      return this;
    }

    /**
     * {@code iot:ConnectAttributes}: the features the MQTT CONNECT uses ({@code PersistentConnect},
     * {@code LastWill}).
     */
    public Builder connectAttributes(String... attributes) {
      this.connectAttributes = List.of(attributes);
      return this;
    }

    /**
     * Any other condition key, such as {@code aws:SourceVpce}; a key with one value also serves as
     * a policy variable.
     */
    public Builder value(String key, String... values) {
      otherValues.put(key.toLowerCase(Locale.ROOT), List.copyOf(Arrays.asList(values)));
      return this;
    }

    public PolicyContext build() {
      return new PolicyContext(this);
    }
  }
}
