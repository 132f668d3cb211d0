package dev.lamplighter.security.pki;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a subject or issuer alternative name extension. Only the string-valued kinds AWS
 * policy variables expose are kept ({@code iot:Certificate.SubjectAlternativeName.DNSName} …);
 * other names, x400 addresses, EDI party names and registered ids are skipped.
 */
public record AlternativeName(Type type, String value) {

  /** The kinds of general name (RFC 5280 4.2.1.6) with their AWS policy variable names. */
  public enum Type {
    RFC822_NAME(1, "RFC822Name"),
    DNS_NAME(2, "DNSName"),
    DIRECTORY_NAME(4, "DirectoryName"),
    URI(6, "UniformResourceIdentifier"),
    IP_ADDRESS(7, "IPAddress");

    private final int tag;
    private final String policyName;

    Type(int tag, String policyName) {
      this.tag = tag;
      this.policyName = policyName;
    }

    /** The name after {@code iot:Certificate.SubjectAlternativeName.} in AWS policy variables. */
    public String policyName() {
      return policyName;
    }
  }

  public AlternativeName {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** Converts the JDK's {@code getSubjectAlternativeNames()} form: lists of tag and value. */
  static List<AlternativeName> of(Collection<List<?>> names) {
    if (names == null) {
      return List.of();
    }
    List<AlternativeName> out = new ArrayList<>();
    for (List<?> name : names) {
      int tag = (Integer) name.get(0);
      for (Type type : Type.values()) {
        if (type.tag == tag && name.get(1) instanceof String value) {
          out.add(new AlternativeName(type, value));
        }
      }
    }
    return List.copyOf(out);
  }
}
