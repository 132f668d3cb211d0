package dev.lamplighter.security.pki;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The subject or issuer name of a certificate, attribute by attribute in the order the certificate
 * encodes them (usually most general first: C, O, OU, CN). An attribute may occur more than once;
 * AWS policy variables take the first value.
 */
public final class DistinguishedName {
  private record Entry(String oid, String value) {}

  private final List<Entry> entries;
  private final String rfc2253;

  private DistinguishedName(List<Entry> entries, String rfc2253) {
    this.entries = List.copyOf(entries);
    this.rfc2253 = rfc2253;
  }

  static DistinguishedName of(X500Principal principal) {
    List<Entry> entries = new ArrayList<>();
    for (RDN rdn : X500Name.getInstance(principal.getEncoded()).getRDNs()) {
      for (AttributeTypeAndValue pair : rdn.getTypesAndValues()) {
        entries.add(new Entry(pair.getType().getId(), text(pair.getValue())));
      }
    }
    return new DistinguishedName(entries, principal.getName(X500Principal.RFC2253));
  }

  private static String text(ASN1Encodable value) {
    return value instanceof ASN1String string ? string.getString() : value.toString();
  }

  /** The values of {@code attribute}, in certificate order; empty when it is absent. */
  public List<String> values(DnAttribute attribute) {
    return entries.stream().filter(e -> e.oid.equals(attribute.oid())).map(Entry::value).toList();
  }

  /**
   * The values of the attribute called {@code name} (see {@link DnAttribute#byName}).
   *
   * @throws IllegalArgumentException when no attribute has that name
   */
  public List<String> values(String name) {
    return values(
        DnAttribute.byName(name)
            .orElseThrow(() -> new IllegalArgumentException("unknown DN attribute " + name)));
  }

  /** The first value of {@code attribute}, as AWS policy variables resolve it. */
  public Optional<String> first(DnAttribute attribute) {
    List<String> values = values(attribute);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first common name, if any. */
  public Optional<String> commonName() {
    return first(DnAttribute.COMMON_NAME);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The name as an RFC 2253 string, most specific attribute first ({@code CN=a,O=b,C=US}). */
  @Override
  public String toString() {
    return rfc2253;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DistinguishedName name && entries.equals(name.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }
}
