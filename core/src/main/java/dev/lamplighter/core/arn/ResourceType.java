package dev.lamplighter.core.arn;

import java.util.Arrays;
import java.util.Optional;

/** The IoT resource types Lamplighter names by ARN, with the type segment AWS uses for each. */
public enum ResourceType {
  THING("thing", "thing"),
  THING_TYPE("thingtype", "thing type"),
  THING_GROUP("thinggroup", "thing group"),
  BILLING_GROUP("billinggroup", "billing group"),
  CERTIFICATE("cert", "certificate"),
  CA_CERTIFICATE("cacert", "CA certificate"),
  POLICY("policy", "policy"),
  ROLE_ALIAS("rolealias", "role alias"),
  JOB("job", "job"),
  JOB_TEMPLATE("jobtemplate", "job template"),
  /** A job's execution on a thing, named {@code {jobId}/{thingName}}; it has no ARN of its own. */
  JOB_EXECUTION("jobexecution", "job execution"),
  /**
   * A thing's classic or named shadow, named by the thing ({@code shadowName} is in the entry's
   * state); it has no ARN of its own, AWS authorizes shadows on the thing's.
   */
  SHADOW("shadow", "shadow"),
  /** A secure tunnel, named by its id ({@code arn:aws:iot:{region}:{account}:tunnel/{id}}). */
  TUNNEL("tunnel", "tunnel"),
  PROVISIONING_TEMPLATE("provisioningtemplate", "provisioning template"),
  FLEET_METRIC("fleetmetric", "fleet metric"),
  INDEX("index", "index"),
  /** A scope's event configurations (UpdateEventConfigurations), named {@code default}. */
  EVENT_CONFIGURATIONS("eventconfigurations", "event configurations");

  private final String arnSegment;
  private final String displayName;

  ResourceType(String arnSegment, String displayName) {
    this.arnSegment = arnSegment;
    this.displayName = displayName;
  }

  /** The segment before the slash in the ARN's resource part, for example {@code thingtype}. */
  public String arnSegment() {
    return arnSegment;
  }

  /** How messages name the type, for example {@code thing type}. */
  public String displayName() {
    return displayName;
  }

  public static Optional<ResourceType> fromArnSegment(String segment) {
    return Arrays.stream(values()).filter(t -> t.arnSegment.equals(segment)).findFirst();
  }
}
