package dev.lamplighter.gateway.topics;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.PublishDisposition;
import dev.lamplighter.broker.extension.ReservedTopics;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reserved-topic route table: one row per topic family AWS IoT reserves, each naming the AWS
 * feature and operation it implements, first match wins. AWS reserves every topic that begins with
 * {@code $}: clients may publish only where a feature listens, so a family no row serves yet
 * refuses client publishes (the broker treats them as unauthorized), and so does any other {@code
 * $} topic. Topics without {@code $} are routed as usual.
 *
 * <p>Device Shadow, Jobs, secure tunnel notifications, fleet provisioning and Basic Ingest plug in
 * here: each replaces its {@link Route#refused} row with a {@link Route#handled} one whose handler
 * takes the message ({@link PublishDisposition#CONSUMED}).
 *
 * <p>Threading: called on the publishing connection's event loop; the table is immutable and
 * handlers hand their work to their own executors.
 */
public final class AwsReservedTopics implements ReservedTopics {
  private final List<Route> routes;

  AwsReservedTopics(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The table as it stands: nothing served yet, every reserved family refused for publishing. */
  public static AwsReservedTopics standard() {
    return new AwsReservedTopics(
        List.of(
            // Lifecycle and registry events (presence, subscriptions, things, jobs, ...): AWS IoT
            // publishes them; clients may subscribe but never publish.
            Route.refused("$aws/events/#", "Event messages (lifecycle, registry, jobs)"),
            // Device Shadow service: get/update/delete of classic and named shadows.
            Route.refused("$aws/things/+/shadow/#", "Device Shadow (GetThingShadow, ...)"),
            // Jobs over MQTT: GetPendingJobExecutions, StartNextPendingJobExecution,
            // DescribeJobExecution, UpdateJobExecution; notify topics are subscribe-only.
            Route.refused("$aws/things/+/jobs/#", "Jobs device API over MQTT"),
            // Secure tunneling: AWS IoT notifies the destination device; subscribe-only.
            Route.refused("$aws/things/+/tunnels/#", "Secure tunneling notifications"),
            // Device Defender metrics reported by devices.
            Route.refused("$aws/things/+/defender/#", "Device Defender metrics"),
            // Any other per-thing reserved topic (device location, ...).
            Route.refused("$aws/things/#", "Other per-thing features"),
            // Fleet provisioning: CreateKeysAndCertificate and CreateCertificateFromCsr over MQTT.
            Route.refused("$aws/certificates/#", "Fleet provisioning certificate requests"),
            // Fleet provisioning: RegisterThing with a provisioning template.
            Route.refused("$aws/provisioning-templates/#", "Fleet provisioning RegisterThing"),
            // Basic Ingest: a message straight to a rule, never to subscribers.
            Route.refused("$aws/rules/#", "Basic Ingest (rules engine)"),
            // Other AWS services' device topics (SiteWise, device location, ...).
            Route.refused("$aws/#", "Other AWS IoT reserved topics"),
            // AWS reserves every topic that begins with $ (except $share/ subscriptions).
            Route.refused("#", "Topics beginning with $")));
  }

  @Override
  public PublishDisposition onClientPublish(ClientInfo client, Message message) {
    String topic = message.topic();
    if (topic.isEmpty() || topic.charAt(0) != '$') {
      return PublishDisposition.ROUTE;
    }
    return route(topic).map(r -> r.handler().handle(client, message)).orElseThrow();
  }

  /** The row serving {@code topic}, a reserved one. */
  Optional<Route> route(String topic) {
    return routes.stream().filter(r -> r.pattern().matches(topic)).findFirst();
  }

  /** Takes a client's publish on a reserved topic. */
  @FunctionalInterface
  interface Handler {
    PublishDisposition handle(ClientInfo client, Message message);
  }

  /**
   * One row.
   *
   * @param pattern the topics it serves
   * @param operation the AWS feature or operation it implements
   * @param handler what it does with a client's publish
   */
  record Route(TopicPattern pattern, String operation, Handler handler) {
    Route {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(handler, "handler");
    }

    /** A family clients may not publish to (subscribe-only, or not served yet). */
    static Route refused(String pattern, String operation) {
      return new Route(
          TopicPattern.of(pattern), operation, (client, message) -> PublishDisposition.REFUSED);
    }

    /** A family a handler serves. */
    static Route handled(String pattern, String operation, Handler handler) {
      return new Route(TopicPattern.of(pattern), operation, handler);
    }
  }
}
