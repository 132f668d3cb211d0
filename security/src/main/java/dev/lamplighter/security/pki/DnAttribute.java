package dev.lamplighter.security.pki;

import java.util.List;
import java.util.Optional;

/**
 * The attribute types of a distinguished name that Lamplighter names, with their OIDs, the short
 * names of RFC 4514 and OpenSSL, and the name AWS IoT policy variables use for them ({@code
 * ${iot:Certificate.Subject.CommonName}}). Locality, street, e-mail address, domain component and
 * user id have no AWS policy variable.
 */
public enum DnAttribute {
  COMMON_NAME("2.5.4.3", "CommonName", "CN", "commonName"),
  COUNTRY("2.5.4.6", "Country", "C", "countryName"),
  ORGANIZATION("2.5.4.10", "Organization", "O", "organizationName"),
  ORGANIZATIONAL_UNIT("2.5.4.11", "OrganizationalUnit", "OU", "organizationalUnitName"),
  STATE("2.5.4.8", "State", "ST", "stateOrProvinceName"),
  LOCALITY("2.5.4.7", null, "L", "localityName"),
  SERIAL_NUMBER("2.5.4.5", "SerialNumber", "serialNumber"),
  DN_QUALIFIER("2.5.4.46", "DistinguishedNameQualifier", "dnQualifier"),
  TITLE("2.5.4.12", "Title", "title"),
  SURNAME("2.5.4.4", "Surname", "SN", "surname"),
  GIVEN_NAME("2.5.4.42", "GivenName", "GN", "givenName"),
  INITIALS("2.5.4.43", "Initials", "initials"),
  PSEUDONYM("2.5.4.65", "Pseudonym", "pseudonym"),
  GENERATION_QUALIFIER("2.5.4.44", "GenerationQualifier", "generationQualifier"),
  STREET("2.5.4.9", null, "street", "streetAddress"),
  EMAIL_ADDRESS("1.2.840.113549.1.9.1", null, "emailAddress", "E"),
  DOMAIN_COMPONENT("0.9.2342.19200300.100.1.25", null, "DC", "domainComponent"),
  USER_ID("0.9.2342.19200300.100.1.1", null, "UID", "userId");

  private final String oid;
  private final String policyName;
  private final List<String> shortNames;

  DnAttribute(String oid, String policyName, String... shortNames) {
    this.oid = oid;
    this.policyName = policyName;
    this.shortNames = List.of(shortNames);
  }

  /** The dotted object identifier of the attribute type. */
  public String oid() {
    return oid;
  }

  /** The first short name, as in {@code CN=device-1}. */
  public String shortName() {
    return shortNames.get(0);
  }

  /** The name after {@code iot:Certificate.Subject.} in AWS policy variables, if AWS has one. */
  public Optional<String> policyName() {
    return Optional.ofNullable(policyName);
  }

  /**
   * The attribute called {@code name}: a short name ({@code CN}, {@code serialNumber}), the AWS
   * policy name ({@code CommonName}) or the dotted OID, ignoring case.
   */
  public static Optional<DnAttribute> byName(String name) {
    for (DnAttribute attribute : values()) {
      if (attribute.oid.equals(name)
          || name.equalsIgnoreCase(attribute.policyName)
          || attribute.shortNames.stream().anyMatch(name::equalsIgnoreCase)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  /** The attribute with the dotted OID {@code oid}. */
  static Optional<DnAttribute> byOid(String oid) {
    for (DnAttribute attribute : values()) {
      if (attribute.oid.equals(oid)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }
}
