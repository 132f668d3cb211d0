package dev.lamplighter.security.internal;

import dev.lamplighter.registry.Thing;
import dev.lamplighter.security.pki.AlternativeName;
import dev.lamplighter.security.pki.DistinguishedName;
import dev.lamplighter.security.pki.DnAttribute;
import dev.lamplighter.security.pki.ParsedCertificate;
import dev.lamplighter.security.policy.PolicyContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the context policy variables resolve against: the certificate's fields, the client id, the
 * client's IP address and, when the principal is attached to it, the thing. The MQTT broker builds
 * the same context on connect.
 */
public final class AuthorizationContexts {
  private AuthorizationContexts() {}

  /**
   * The context of a connection made with {@code certificatePem}.
   *
   * @param clientId the MQTT client id, or null
   * @param sourceIp the client's IP address ({@code aws:SourceIp}), or null
   * @param thing the thing the connection acts for, or null
   * @param thingAttached whether that thing is attached to the certificate
   */
  public static PolicyContext forConnection(
      String certificateId,
      String certificatePem,
      String clientId,
      String sourceIp,
      Thing thing,
      boolean thingAttached,
      Instant now) {
    PolicyContext.Builder context = PolicyContext.builder().currentTime(now);
    if (clientId != null) {
      context.clientId(clientId);
    }
    if (sourceIp != null) {
      context.sourceIp(sourceIp);
    }
    context.certificateId(certificateId);
    ParsedCertificate certificate = ParsedCertificate.parse(certificatePem);
    context.certificateSerialNumber(certificate.serialNumber().toString());
    addNames(certificate.subject(), true, context);
    addNames(certificate.issuer(), false, context);
    for (Map.Entry<String, List<String>> names :
        byType(certificate.subjectAlternativeNames()).entrySet()) {
      context.subjectAlternativeName(names.getKey(), names.getValue().toArray(String[]::new));
    }
    for (Map.Entry<String, List<String>> names :
        byType(certificate.issuerAlternativeNames()).entrySet()) {
      context.issuerAlternativeName(names.getKey(), names.getValue().toArray(String[]::new));
    }
    if (thing != null) {
      context
          .thingName(thing.name())
          .thingAttributes(thing.attributes())
          .thingAttached(thingAttached);
      if (thing.typeName() != null) {
        context.thingTypeName(thing.typeName());
      }
    }
    return context.build();
  }

  private static void addNames(
      DistinguishedName name, boolean subject, PolicyContext.Builder context) {
    for (DnAttribute attribute : DnAttribute.values()) {
      List<String> values = name.values(attribute);
      if (values.isEmpty() || attribute.policyName().isEmpty()) {
        continue;
      }
      String[] array = values.toArray(String[]::new);
      if (subject) {
        context.subject(attribute.policyName().get(), array);
      } else {
        context.issuer(attribute.policyName().get(), array);
      }
    }
  }

  private static Map<String, List<String>> byType(List<AlternativeName> names) {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (AlternativeName name : names) {
      grouped.computeIfAbsent(name.type().policyName(), k -> new ArrayList<>()).add(name.value());
    }
    return grouped;
  }
}
