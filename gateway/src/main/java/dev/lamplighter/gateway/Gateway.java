package dev.lamplighter.gateway;

import dev.lamplighter.broker.BrokerExtensions;
import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.broker.BrokerStorage;
import dev.lamplighter.broker.BrokerTls;
import dev.lamplighter.broker.MqttBroker;
import dev.lamplighter.broker.RetainedMessage;
import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.LifecycleListener;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.messaging.DeviceMessaging;
import dev.lamplighter.gateway.auth.ConnectionAuthorization;
import dev.lamplighter.gateway.auth.LiveConnection;
import dev.lamplighter.gateway.auth.RegistryChangeFollower;
import dev.lamplighter.gateway.dataplane.DataPlaneRoute;
import dev.lamplighter.gateway.events.ConnectivityRecorder;
import dev.lamplighter.gateway.events.JobEvents;
import dev.lamplighter.gateway.events.LifecycleEvents;
import dev.lamplighter.gateway.jobs.JobNotifications;
import dev.lamplighter.gateway.jobs.JobsMqttApi;
import dev.lamplighter.gateway.jobs.JobsOverHttps;
import dev.lamplighter.gateway.messaging.BrokerDeviceMessaging;
import dev.lamplighter.gateway.shadow.ShadowMessages;
import dev.lamplighter.gateway.shadow.ShadowMqttApi;
import dev.lamplighter.gateway.shadow.ShadowsOverHttps;
import dev.lamplighter.gateway.topics.AwsReservedTopics;
import dev.lamplighter.gateway.topics.RequestThreads;
import dev.lamplighter.gateway.websocket.MqttOverWebSocket;
import dev.lamplighter.gateway.websocket.SignedCallers;
import dev.lamplighter.gateway.websocket.UpgradeSignatures;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.registry.EventConfigurationService;
import dev.lamplighter.registry.ThingConnectivityService;
import dev.lamplighter.security.Security;
import dev.lamplighter.shadow.ShadowService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The MQTT side of the server: AWS IoT Core's device gateway on the generic broker.
 *
 * <p>{@link #start} builds the broker extensions (certificate authentication with IoT policies, and
 * the account's rights for MQTT over WebSocket signed with an access key; the reserved-topic table,
 * lifecycle events, things' connectivity reported to the registry), starts the {@link MqttBroker},
 * and starts following the change log so live connections' rights follow policy, certificate and
 * registry changes. The server then hands {@link #messaging()} to the iot-data HTTP API and calls
 * {@link #close()} on shutdown:
 *
 * <pre>{@code
 * Gateway gateway = Gateway.start(
 *     BrokerSettings.awsDefaults(8883), tls, BrokerStorage.journal(dir, false),
 *     new Gateway.Services(security, registry.thingConnectivity(), jobs.device(),
 *         registry.eventConfigurations(), store.changeLog()),
 *     new NodePositions(dataDir.resolve("mqtt/positions")), clock);
 * DeviceMessaging iotData = gateway.messaging();
 * ...
 * gateway.close();
 * }</pre>
 *
 * <p>The registry is otherwise reached through {@code security}'s services (policies of thing
 * groups, things attached to certificates).
 */
public final class Gateway implements AutoCloseable {
  /** How long the change followers wait when the log has nothing new. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  /**
   * How long the jobs notifications and shadow messages followers wait for other nodes' commits:
   * devices wait for what they publish.
   */
  static final Duration NOTIFICATION_POLL_INTERVAL = Duration.ofMillis(50);

  /**
   * This node's commits wake the jobs notifications and shadow messages followers at once, but
   * their reads stay this far apart, so a stream of small commits costs at most one read per gap.
   */
  static final Duration NOTIFICATION_COMMIT_GAP = Duration.ofMillis(5);

  /** Writer threads of connectivity reports; each client id always uses the same one. */
  static final int CONNECTIVITY_WRITERS = 4;

  /** Threads serving requests on reserved topics; each thing always uses the same one. */
  static final int REQUEST_THREADS = 4;

  /** Requests on reserved topics each request thread holds waiting before answering throttled. */
  static final int REQUEST_QUEUE = 10_000;

  private final ConnectionAuthorization authorization;
  private final ConnectivityRecorder connectivity;
  private final RequestThreads requestThreads;
  private final List<PositionedFollower> followers;
  private final List<DataPlaneRoute> httpsRoutes;
  private final MqttBroker broker;
  private final BrokerSettings settings;
  private final DeviceMessaging messaging;
  private final List<MqttOverWebSocket> webSocketRoutes = new CopyOnWriteArrayList<>();

  private Gateway(
      ConnectionAuthorization authorization,
      ConnectivityRecorder connectivity,
      RequestThreads requestThreads,
      List<PositionedFollower> followers,
      List<DataPlaneRoute> httpsRoutes,
      MqttBroker broker,
      BrokerHandle handle,
      BrokerSettings settings,
      Clock clock) {
    this.authorization = authorization;
    this.connectivity = connectivity;
    this.requestThreads = requestThreads;
    this.followers = List.copyOf(followers);
    this.httpsRoutes = List.copyOf(httpsRoutes);
    this.broker = broker;
    this.settings = settings;
    this.messaging = new BrokerDeviceMessaging(handle, settings, clock);
  }

  /**
   * The domain services the gateway serves devices with.
   *
   * @param security the certificate, CA, policy services and the server's CA
   * @param thingConnectivity where things' connects and disconnects are recorded
   * @param jobs the Jobs device API, or null to keep the jobs topics refused
   * @param shadows the Device Shadow service, or null to keep the shadow topics refused
   * @param eventConfigurations which events each scope publishes
   * @param changeLog the store's change log, which rights, notifications and events follow
   */
  public record Services(
      Security security,
      ThingConnectivityService thingConnectivity,
      DeviceJobService jobs,
      ShadowService shadows,
      EventConfigurationService eventConfigurations,
      ChangeLog changeLog) {}

  /**
   * Starts the broker and the change followers.
   *
   * @param settings the MQTT listener and its limits (also applied to iot-data Publish)
   * @param tls the listener's TLS identity (the server certificate)
   * @param storage where persistent sessions and retained messages survive restarts
   * @param positions where this node's notification and event followers keep their positions
   * @param clock the time source for validity checks, events and message expiry
   * @throws IllegalStateException when the port cannot be bound
   */
  public static Gateway start(
      BrokerSettings settings,
      BrokerTls tls,
      BrokerStorage storage,
      Services services,
      NodePositions positions,
      Clock clock) {
    Security security = services.security();
    ChangeLog changeLog = services.changeLog();
    LateBroker handle = new LateBroker();
    ConnectionAuthorization authorization =
        ConnectionAuthorization.create(
            security.certificates(),
            security.caCertificates(),
            security.policies(),
            security::certificateAuthority,
            changeLog,
            new RegistryChangeFollower.Disconnector() {
              @Override
              public void disconnect(LiveConnection c) {
                handle.disconnect(c.namespace(), c.clientId(), false, true);
              }

              @Override
              public void rightsChanged(LiveConnection c) {
                handle.dropForbiddenSubscriptions(c.namespace(), c.clientId());
              }
            },
            clock,
            POLL_INTERVAL);
    ConnectivityRecorder connectivity =
        new ConnectivityRecorder(services.thingConnectivity(), clock, CONNECTIVITY_WRITERS);
    LifecycleListener listeners =
        both(
            authorization.connections(),
            both(new LifecycleEvents(handle::publish, clock), connectivity));
    RequestThreads requestThreads = new RequestThreads(REQUEST_THREADS, REQUEST_QUEUE);
    AwsReservedTopics.Features features =
        new AwsReservedTopics.Features(
            services.jobs() == null ? null : new JobsMqttApi(services.jobs(), clock),
            services.shadows() == null ? null : new ShadowMqttApi(services.shadows(), clock));
    AwsReservedTopics reservedTopics =
        AwsReservedTopics.standard(features, requestThreads, handle::publishTo);
    BrokerExtensions extensions =
        new BrokerExtensions(
            new SignedCallers(authorization.authenticator()), reservedTopics, listeners);
    List<PositionedFollower> followers = new ArrayList<>();
    if (services.jobs() != null) {
      followers.add(
          new PositionedFollower(
              changeLog,
              positions,
              ChangeFollower.Settings.of("job-notifications", NOTIFICATION_POLL_INTERVAL)
                  .wakingOnLocalCommits(NOTIFICATION_COMMIT_GAP, ResourceType.JOB_EXECUTION),
              new JobNotifications(services.jobs(), handle, clock)));
    }
    if (services.shadows() != null) {
      followers.add(
          new PositionedFollower(
              changeLog,
              positions,
              ChangeFollower.Settings.of("shadow-messages", NOTIFICATION_POLL_INTERVAL)
                  .wakingOnLocalCommits(NOTIFICATION_COMMIT_GAP, ResourceType.SHADOW),
              new ShadowMessages(handle)));
    }
    followers.add(
        new PositionedFollower(
            changeLog,
            positions,
            ChangeFollower.Settings.of("job-events", POLL_INTERVAL),
            new JobEvents(services.eventConfigurations(), handle::publish, clock)));
    MqttBroker broker;
    try {
      broker = MqttBroker.start(settings, tls, extensions, clock, storage);
    } catch (RuntimeException e) {
      requestThreads.close();
      connectivity.close();
      throw e;
    }
    handle.broker = broker;
    authorization.start();
    followers.forEach(PositionedFollower::start);
    // Shadows first: their paths are under the jobs route's /things/.
    List<DataPlaneRoute> httpsRoutes = new ArrayList<>();
    if (services.shadows() != null) {
      httpsRoutes.add(
          new ShadowsOverHttps(
              services.shadows(), authorization.requests(), requestThreads, clock));
    }
    if (services.jobs() != null) {
      httpsRoutes.add(
          new JobsOverHttps(services.jobs(), authorization.requests(), requestThreads, clock));
    }
    return new Gateway(
        authorization,
        connectivity,
        requestThreads,
        followers,
        httpsRoutes,
        broker,
        handle,
        settings,
        clock);
  }

  /** The iot-data messaging port (Publish, retained messages, DeleteConnection). */
  public DeviceMessaging messaging() {
    return messaging;
  }

  /**
   * The device APIs the gateway serves over HTTPS with client certificates, for the data-plane
   * listener, in the order it must ask them: the Device Shadow REST API ({@code
   * /things/{thingName}/shadow}, {@code /api/things/shadow/…}) and the Jobs device API ({@code
   * /things/…}).
   */
  public List<DataPlaneRoute> httpsRoutes() {
    return httpsRoutes;
  }

  /**
   * MQTT over WebSocket ({@code GET /mqtt}) for the data-plane listener: upgrades signed with an
   * active access key, as {@code signatures} verifies them, become connections of this gateway's
   * broker in the key's account and region, with every right in it. Closed with the gateway.
   */
  public DataPlaneRoute mqttOverWebSocket(UpgradeSignatures signatures) {
    MqttOverWebSocket route =
        new MqttOverWebSocket(() -> broker, signatures, settings.maxPacketBytes());
    webSocketRoutes.add(route);
    return route;
  }

  /** The port the MQTT listener is bound to. */
  public int port() {
    return broker.port();
  }

  /**
   * Stops following the change log, closes the broker with its connections, then waits a few
   * seconds for their disconnects to be recorded.
   */
  @Override
  public void close() {
    authorization.close();
    followers.forEach(PositionedFollower::close);
    webSocketRoutes.forEach(MqttOverWebSocket::close);
    broker.close();
    requestThreads.close();
    connectivity.close();
  }

  /** Calls {@code first}, then {@code second}. */
  private static LifecycleListener both(LifecycleListener first, LifecycleListener second) {
    return new LifecycleListener() {
      @Override
      public void connected(ClientInfo client) {
        first.connected(client);
        second.connected(client);
      }

      @Override
      public void disconnected(
          ClientInfo client, DisconnectReason reason, boolean clientInitiated) {
        first.disconnected(client, reason, clientInitiated);
        second.disconnected(client, reason, clientInitiated);
      }

      @Override
      public void subscribed(ClientInfo client, List<String> topicFilters) {
        first.subscribed(client, topicFilters);
        second.subscribed(client, topicFilters);
      }

      @Override
      public void unsubscribed(ClientInfo client, List<String> topicFilters) {
        first.unsubscribed(client, topicFilters);
        second.unsubscribed(client, topicFilters);
      }
    };
  }

  /**
   * The broker, once started: the extensions are built before it and may be called while {@link
   * MqttBroker#start} is still returning, so a call that early finds no broker and does nothing.
   */
  private static final class LateBroker implements BrokerHandle {
    private volatile MqttBroker broker;

    @Override
    public void publish(String namespace, Message message) {
      MqttBroker current = broker;
      if (current != null) {
        current.publish(namespace, message);
      }
    }

    @Override
    public void publishTo(String namespace, String clientId, Message message) {
      MqttBroker current = broker;
      if (current != null) {
        current.publishTo(namespace, clientId, message);
      }
    }

    @Override
    public boolean hasSubscribers(String namespace, String topic) {
      MqttBroker current = broker;
      return current != null && current.hasSubscribers(namespace, topic);
    }

    @Override
    public List<RetainedMessage> retainedMessages(String namespace) {
      MqttBroker current = broker;
      return current == null ? List.of() : current.retainedMessages(namespace);
    }

    @Override
    public Optional<RetainedMessage> retainedMessage(String namespace, String topic) {
      MqttBroker current = broker;
      return current == null ? Optional.empty() : current.retainedMessage(namespace, topic);
    }

    @Override
    public void dropForbiddenSubscriptions(String namespace, String clientId) {
      MqttBroker current = broker;
      if (current != null) {
        current.dropForbiddenSubscriptions(namespace, clientId);
      }
    }

    @Override
    public boolean disconnect(
        String namespace, String clientId, boolean discardSession, boolean publishWill) {
      MqttBroker current = broker;
      return current != null
          && current.disconnect(namespace, clientId, discardSession, publishWill);
    }
  }
}
