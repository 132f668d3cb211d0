package dev.lamplighter.bench.policy;

import dev.lamplighter.security.policy.PolicyContext;
import dev.lamplighter.security.policy.PolicyDocument;
import dev.lamplighter.security.policy.PolicyEvaluator.NamedPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's policies: what one street lamp's certificate carries in a realistic fleet. Three
 * policies attached to the certificate, ten statements each, almost all with thing or certificate
 * policy variables (connect, telemetry, events, commands, shadow, jobs, fleet provisioning,
 * district and organisation topics, a few Deny statements and conditions), and two policies of
 * thing groups the lamp is in. About twenty of the fifty statements concern {@code iot:Publish}.
 *
 * <p>The lamp is {@code lamp-42}, a {@code streetlight} in district {@code harbour}, attached to
 * its certificate. The matching request publishes to one of its event topics (allowed by the first
 * policy); the non-matching one to another lamp's event topic, which no statement allows, so every
 * publish statement of every policy is tried.
 */
public final class PolicySet {
  static final String ARN = "arn:aws:iot:eu-west-1:111122223333:";
  public static final String ACTION = "iot:Publish";
  public static final String MATCHING_TOPIC = ARN + "topic/things/lamp-42/events/power";
  public static final String NON_MATCHING_TOPIC = ARN + "topic/things/lamp-7/events/power";

  static final String DEVICE_CORE =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:Connect",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}",
         "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}}},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/things/${iot:Connection.Thing.ThingName}/telemetry"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/things/${iot:Connection.Thing.ThingName}/events/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/things/${iot:Connection.Thing.ThingName}/commands/*"},
        {"Effect": "Allow", "Action": "iot:Receive",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/things/${iot:Connection.Thing.ThingName}/commands/*"},
        {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*"},
        {"Effect": "Allow", "Action": ["iot:GetThingShadow", "iot:UpdateThingShadow"],
         "Resource": "arn:aws:iot:eu-west-1:111122223333:thing/${iot:Connection.Thing.ThingName}"},
        {"Effect": "Deny", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/things/${iot:Connection.Thing.ThingName}/admin/*"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/fleet/${iot:Connection.Thing.ThingTypeName}/${iot:Connection.Thing.ThingName}/status"}
      ]}
      """;

  static final String DEVICE_JOBS =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/things/${iot:Connection.Thing.ThingName}/jobs/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/jobs/*"},
        {"Effect": "Allow", "Action": "iot:Receive",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/things/${iot:Connection.Thing.ThingName}/jobs/*"},
        {"Effect": "Allow", "Action": "iotjobsdata:*",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:thing/${iot:Connection.Thing.ThingName}"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/rules/ingest/${iot:Connection.Thing.ThingName}"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/provisioning-templates/lamp/provision/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/$aws/provisioning-templates/lamp/provision/*"},
        {"Effect": "Allow", "Action": "iot:Receive",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/provisioning-templates/lamp/provision/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/tunnels/notify"},
        {"Effect": "Allow", "Action": "iot:Receive",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/things/${iot:Connection.Thing.ThingName}/tunnels/notify"}
      ]}
      """;

  static final String DEVICE_FLEET =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/district/${iot:Connection.Thing.Attributes[district]}/${iot:Connection.Thing.ThingName}/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/district/${iot:Connection.Thing.Attributes[district]}/broadcast"},
        {"Effect": "Allow", "Action": "iot:Receive",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/district/${iot:Connection.Thing.Attributes[district]}/broadcast"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/certificates/${iot:CertificateId}/*"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/org/${iot:Certificate.Subject.Organization}/${iot:Connection.Thing.ThingName}"},
        {"Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:eu-west-1:111122223333:client/${iot:ClientId}",
         "Condition": {"StringEquals": {"iot:ClientId": "${iot:Connection.Thing.ThingName}"}}},
        {"Effect": "Allow", "Action": "iot:RetainPublish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/things/${iot:Connection.Thing.ThingName}/telemetry"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/diagnostics/${iot:Connection.Thing.ThingName}",
         "Condition": {"StringLike": {"iot:Certificate.Subject.CommonName": "lamp-*"}}},
        {"Effect": "Deny", "Action": ["iot:Publish", "iot:Receive"],
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/things/${iot:Connection.Thing.ThingName}/locked/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/fleet/${iot:Connection.Thing.ThingTypeName}/#"}
      ]}
      """;

  static final String GROUP_HARBOUR =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/groups/harbour/${iot:Connection.Thing.ThingName}/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/groups/harbour/*"},
        {"Effect": "Allow", "Action": "iot:Receive", "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/groups/harbour/*"},
        {"Effect": "Deny", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/groups/harbour/${iot:Connection.Thing.ThingName}/config"},
        {"Effect": "Allow", "Action": "iot:Publish", "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/groups/harbour/announce",
         "Condition": {"StringEquals": {"iot:Connection.Thing.ThingTypeName": "streetlight"}}}
      ]}
      """;

  static final String GROUP_MAINTENANCE =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "Action": "iot:Publish", "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/maintenance/*/shutdown"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/maintenance/${iot:Connection.Thing.ThingName}/report"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/maintenance/${iot:Connection.Thing.ThingName}/#"},
        {"Effect": "Allow", "Action": "iot:Receive",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/maintenance/${iot:Connection.Thing.ThingName}/*"},
        {"Effect": "Allow", "Action": "iot:Publish", "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/maintenance/all/heartbeat",
         "Condition": {"DateLessThan": {"aws:CurrentTime": "2100-01-01T00:00:00Z"}}}
      ]}
      """;

  /** The policies in the order the broker would pass them: certificate first, then groups. */
  static final Map<String, String> DOCUMENTS =
      orderedMap(
          "device-core", DEVICE_CORE,
          "device-jobs", DEVICE_JOBS,
          "device-fleet", DEVICE_FLEET,
          "group-harbour", GROUP_HARBOUR,
          "group-maintenance", GROUP_MAINTENANCE);

  static final String CERTIFICATE_ID =
      "7d5e0c0b3f2a4e9d8c1b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d";

  private PolicySet() {}

  /** The policies, compiled. */
  public static List<NamedPolicy> compiled() {
    return DOCUMENTS.entrySet().stream()
        .map(e -> new NamedPolicy(e.getKey(), PolicyDocument.parse(e.getValue())))
        .toList();
  }

  /** The lamp's connection, as the broker would build it. */
  public static PolicyContext context() {
    return PolicyContext.builder()
        .clientId("lamp-42")
        .thingName("lamp-42")
        .thingTypeName("streetlight")
        .thingAttribute("district", "harbour")
        .thingAttached(true)
        .certificateId(CERTIFICATE_ID)
        .subject("CommonName", "lamp-42")
        .subject("Organization", "Example Corp")
        .sourceIp("203.0.113.9")
        .currentTime(Instant.parse("2026-01-01T12:00:00Z"))
        .build();
  }

  /** The same connection as the naive evaluator's variables, by policy variable name. */
  public static Map<String, String> variables() {
    return Map.of(
        "iot:ClientId", "lamp-42",
        "iot:Connection.Thing.ThingName", "lamp-42",
        "iot:Connection.Thing.ThingTypeName", "streetlight",
        "iot:Connection.Thing.Attributes[district]", "harbour",
        "iot:Connection.Thing.IsAttached", "true",
        "iot:CertificateId", CERTIFICATE_ID,
        "iot:Certificate.Subject.CommonName", "lamp-42",
        "iot:Certificate.Subject.Organization", "Example Corp",
        "aws:SourceIp", "203.0.113.9",
        "aws:CurrentTime", "2026-01-01T12:00:00Z");
  }

  /** The naive evaluator over the same documents. */
  public static NaiveEvaluator naive() {
    return new NaiveEvaluator(DOCUMENTS);
  }

  private static Map<String, String> orderedMap(String... namesAndTexts) {
    java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      map.put(namesAndTexts[i], namesAndTexts[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
