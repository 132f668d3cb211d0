package dev.lamplighter.gateway.topics;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.PublishDisposition;
import dev.lamplighter.broker.extension.ReservedTopics;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reserved-topic route table: one row per AWS operation or topic family AWS IoT reserves, first
 * match wins. The broker asks it only about publishes the client's policies allow ({@code
 * iot:Publish} on the topic is checked first, as AWS does for reserved topics like any other).
 *
 * <p>A row either serves an AWS operation with a feature's {@link TopicHandler}, which gets the
 * topic's named levels and answers the requesting client alone through its session, or refuses
 * client publishes: families AWS IoT publishes itself (events, notifications, replies), families no
 * feature serves yet, and any other topic beginning with {@code $}. Topics without {@code $} are
 * routed as usual.
 *
 * <p>Threading: {@link #onClientPublish} runs on the publishing connection's event loop: it matches
 * the row and hands the request to {@link RequestThreads}, keyed by the thing the topic names, so a
 * thing's requests are served one at a time in order and the event loop never waits for storage. A
 * row whose handler never blocks (a shadow update, which only queues for a group commit) is served
 * on the event loop itself.
 */
public final class AwsReservedTopics implements ReservedTopics {
  private static final Logger LOG = LoggerFactory.getLogger(AwsReservedTopics.class);

  /** Sends a reply, as the server, to one client of a namespace; never blocks. */
  @FunctionalInterface
  public interface Publisher {
    void publishTo(String namespace, String clientId, Message message);
  }

  /**
   * The device features that serve reserved topics; a feature left null keeps its family refused.
   *
   * @param jobs the Jobs device API
   * @param shadows the Device Shadow service
   */
  public record Features(JobsTopics jobs, ShadowTopics shadows) {
    public static final Features NONE = new Features(null, null);
  }

  private final List<Route> routes;
  private final RequestThreads threads;
  private final Publisher publisher;

  AwsReservedTopics(List<Route> routes, RequestThreads threads, Publisher publisher) {
    this.routes = List.copyOf(routes);
    this.threads = threads;
    this.publisher = publisher;
  }

  /**
   * The table with the given features.
   *
   * @param threads where handled requests run
   * @param publisher where replies go (the broker)
   */
  public static AwsReservedTopics standard(
      Features features, RequestThreads threads, Publisher publisher) {
    List<Route> rows = new ArrayList<>();
    // Lifecycle and registry events (presence, subscriptions, things, jobs, ...): AWS IoT
    // publishes them; clients may subscribe but never publish.
    rows.add(Route.refused("$aws/events/#", "Event messages (lifecycle, registry, jobs)"));
    ShadowTopics shadows = features.shadows();
    if (shadows != null) {
      TopicHandler overloaded = shadows::throttled;
      for (String prefix :
          List.of(
              "$aws/things/{thingName}/shadow",
              "$aws/things/{thingName}/shadow/name/{shadowName}")) {
        rows.add(Route.handled(prefix + "/get", "GetThingShadow", shadows::get, overloaded));
        // An update only queues for the shadow writer's next group commit: served at once.
        rows.add(Route.immediate(prefix + "/update", "UpdateThingShadow", shadows::update));
        rows.add(
            Route.handled(prefix + "/delete", "DeleteThingShadow", shadows::delete, overloaded));
      }
    }
    // Replies, deltas and documents are published by the service; other shadow topics map to no
    // operation.
    rows.add(Route.refused("$aws/things/+/shadow/#", "Device Shadow (GetThingShadow, ...)"));
    JobsTopics jobs = features.jobs();
    if (jobs != null) {
      TopicHandler overloaded = jobs::throttled;
      rows.add(
          Route.handled(
              "$aws/things/{thingName}/jobs/get",
              "GetPendingJobExecutions",
              jobs::getPendingJobExecutions,
              overloaded));
      rows.add(
          Route.handled(
              "$aws/things/{thingName}/jobs/start-next",
              "StartNextPendingJobExecution",
              jobs::startNextPendingJobExecution,
              overloaded));
      // notify and notify-next are published by the service; a client may only subscribe.
      rows.add(Route.refused("$aws/things/+/jobs/notify", "Jobs notifications (ListNotification)"));
      rows.add(
          Route.refused("$aws/things/+/jobs/notify-next", "Jobs notifications (NextNotification)"));
      rows.add(
          Route.handled(
              "$aws/things/{thingName}/jobs/{jobId}/get",
              "DescribeJobExecution",
              jobs::describeJobExecution,
              overloaded));
      rows.add(
          Route.handled(
              "$aws/things/{thingName}/jobs/{jobId}/update",
              "UpdateJobExecution",
              jobs::updateJobExecution,
              overloaded));
      // Replies (…/accepted, …/rejected) are published by the service.
      rows.add(Route.refused("$aws/things/+/jobs/+/accepted", "Jobs replies"));
      rows.add(Route.refused("$aws/things/+/jobs/+/rejected", "Jobs replies"));
      rows.add(Route.refused("$aws/things/+/jobs/+/+/accepted", "Jobs replies"));
      rows.add(Route.refused("$aws/things/+/jobs/+/+/rejected", "Jobs replies"));
      // Any other topic of the jobs namespace maps to no API: AWS answers InvalidTopic.
      rows.add(
          Route.handled(
              "$aws/things/{thingName}/jobs/#",
              "Jobs: InvalidTopic",
              jobs::invalidTopic,
              overloaded));
    } else {
      // Jobs over MQTT: GetPendingJobExecutions, StartNextPendingJobExecution,
      // DescribeJobExecution, UpdateJobExecution; notify topics are subscribe-only.
      rows.add(Route.refused("$aws/things/+/jobs/#", "Jobs device API over MQTT"));
    }
    // Secure tunneling: AWS IoT notifies the destination device; subscribe-only.
    rows.add(Route.refused("$aws/things/+/tunnels/#", "Secure tunneling notifications"));
    // Device Defender metrics reported by devices.
    rows.add(Route.refused("$aws/things/+/defender/#", "Device Defender metrics"));
    // Any other per-thing reserved topic (device location, ...).
    rows.add(Route.refused("$aws/things/#", "Other per-thing features"));
    // Fleet provisioning: CreateKeysAndCertificate and CreateCertificateFromCsr over MQTT.
    rows.add(Route.refused("$aws/certificates/#", "Fleet provisioning certificate requests"));
    // Fleet provisioning: RegisterThing with a provisioning template.
    rows.add(Route.refused("$aws/provisioning-templates/#", "Fleet provisioning RegisterThing"));
    // Basic Ingest: a message straight to a rule, never to subscribers.
    rows.add(Route.refused("$aws/rules/#", "Basic Ingest (rules engine)"));
    // Other AWS services' device topics (SiteWise, device location, ...).
    rows.add(Route.refused("$aws/#", "Other AWS IoT reserved topics"));
    // AWS reserves every topic that begins with $ (except $share/ subscriptions).
    rows.add(Route.refused("#", "Topics beginning with $"));
    return new AwsReservedTopics(rows, threads, publisher);
  }

  @Override
  public PublishDisposition onClientPublish(ClientInfo client, Message message) {
    String topic = message.topic();
    if (topic.isEmpty() || topic.charAt(0) != '$') {
      return PublishDisposition.ROUTE;
    }
    for (Route route : routes) {
      Optional<Map<String, String>> variables = route.pattern().bind(topic);
      if (variables.isPresent()) {
        return route.handler() == null
            ? PublishDisposition.REFUSED
            : dispatch(route, client, message, variables.get());
      }
    }
    return PublishDisposition.REFUSED;
  }

  private PublishDisposition dispatch(
      Route route, ClientInfo client, Message message, Map<String, String> variables) {
    Optional<Scope> scope = Namespaces.scope(client.namespace());
    if (scope.isEmpty()) {
      return PublishDisposition.REFUSED;
    }
    String namespace = client.namespace();
    String clientId = client.clientId();
    TopicRequest request =
        new TopicRequest(
            scope.get(),
            client,
            message,
            variables,
            (topic, payload, qos) ->
                publisher.publishTo(namespace, clientId, Message.of(topic, payload, qos, false)));
    if (route.immediate()) {
      serve(route, request);
      return PublishDisposition.CONSUMED;
    }
    String key = namespace + '/' + variables.getOrDefault("thingName", client.clientId());
    if (!threads.submit(key, () -> serve(route, request))) {
      route.overloaded().handle(request);
    }
    return PublishDisposition.CONSUMED;
  }

  private static void serve(Route route, TopicRequest request) {
    try {
      route.handler().handle(request);
    } catch (RuntimeException e) {
      // A failed request must not take the request thread with it.
      LOG.error(
          "[{}] {} on {} failed",
          request.client().clientId(),
          route.operation(),
          request.topic(),
          e);
    }
  }

  /** The row serving {@code topic}, a reserved one. */
  Optional<Route> route(String topic) {
    return routes.stream().filter(r -> r.pattern().matches(topic)).findFirst();
  }

  /**
   * One row.
   *
   * @param pattern the topics it serves
   * @param operation the AWS operation or feature it implements
   * @param handler serves a client's publish, or null when clients may not publish here
   * @param overloaded answers a request that found no room on the request threads
   * @param immediate whether the handler never blocks and runs on the event loop, without a request
   *     thread
   */
  record Route(
      TopicPattern pattern,
      String operation,
      TopicHandler handler,
      TopicHandler overloaded,
      boolean immediate) {
    Route {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(operation, "operation");
    }

    /** A family clients may not publish to (served by AWS IoT itself, or not served yet). */
    static Route refused(String pattern, String operation) {
      return new Route(TopicPattern.of(pattern), operation, null, null, false);
    }

    /** An operation a feature serves. */
    static Route handled(
        String pattern, String operation, TopicHandler handler, TopicHandler overloaded) {
      return new Route(
          TopicPattern.of(pattern),
          operation,
          Objects.requireNonNull(handler, "handler"),
          Objects.requireNonNull(overloaded, "overloaded"),
          false);
    }

    /** An operation whose handler never blocks: it runs on the publishing connection's loop. */
    static Route immediate(String pattern, String operation, TopicHandler handler) {
      return new Route(
          TopicPattern.of(pattern),
          operation,
          Objects.requireNonNull(handler, "handler"),
          handler,
          true);
    }
  }
}
