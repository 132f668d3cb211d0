package dev.lamplighter.server;

import dev.lamplighter.api.ApiConfig;
import dev.lamplighter.api.ControlPlaneApi;
import dev.lamplighter.core.config.Settings;
import dev.lamplighter.core.page.PageTokenCodec;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.gateway.Gateway;
import dev.lamplighter.gateway.NodePositions;
import dev.lamplighter.gateway.dataplane.DataPlaneRoute;
import dev.lamplighter.index.FleetIndex;
import dev.lamplighter.index.FleetIndexSettings;
import dev.lamplighter.jobs.Jobs;
import dev.lamplighter.relay.TunnelRelay;
import dev.lamplighter.security.NewAccessKey;
import dev.lamplighter.security.RootAccount;
import dev.lamplighter.security.pki.CertificateAuthority;
import dev.lamplighter.server.config.MqttSettings;
import dev.lamplighter.server.config.ServerSettings;
import dev.lamplighter.server.config.TunnelSettings;
import dev.lamplighter.shadow.ShadowService;
import dev.lamplighter.shadow.Shadows;
import dev.lamplighter.tunnels.TunnelService;
import dev.lamplighter.tunnels.Tunnels;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server. Start-up order: data directory, master key, store (with migrations), root
 * account, then the control-plane listener; {@code /health} answers only once all of that is done.
 * {@link #close()} stops accepting requests, lets those in flight finish within the shutdown
 * timeout, then closes the store.
 */
public final class LamplighterServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LamplighterServer.class);

  private final Backend backend;
  private final Javalin http;
  private final JvmGcMetrics gcMetrics;
  private final ServerPki pki;
  private final FleetIndex fleetIndex;
  private final DataPlane dataPlane;
  private final Jobs jobs;
  private final Gateway gateway;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LamplighterServer(
      Backend backend,
      Javalin http,
      JvmGcMetrics gcMetrics,
      ServerPki pki,
      FleetIndex fleetIndex,
      DataPlane dataPlane,
      Jobs jobs,
      Gateway gateway) {
    this.backend = backend;
    this.http = http;
    this.gcMetrics = gcMetrics;
    this.pki = pki;
    this.fleetIndex = fleetIndex;
    this.dataPlane = dataPlane;
    this.jobs = jobs;
    this.gateway = gateway;
  }

  /**
   * Starts a server.
   *
   * @param onRootKeyGenerated told about the root access key when this start generated it, once the
   *     API listens (with its address), so the operator sees the secret once
   */
  public static LamplighterServer start(
      Settings settings,
      Clock clock,
      IdSource ids,
      BiConsumer<NewAccessKey, String> onRootKeyGenerated) {
    long started = System.nanoTime();
    Backend backend = Backend.open(settings, clock, ids);
    FleetIndex fleetIndex = null;
    ServerPki pki = null;
    DataPlane dataPlane = null;
    Jobs jobs = null;
    Gateway gateway = null;
    try {
      ShadowService shadows =
          Shadows.create(backend.store().shadowPorts(), backend.registry(), clock);
      // Only the server opens the index: admin commands share the data dir while it runs.
      fleetIndex =
          FleetIndex.open(
              backend.dataDir().resolve("index"),
              backend.store().indexPorts(),
              backend.registry(),
              shadows,
              FleetIndexSettings.from(settings));
      fleetIndex.start();
      Optional<NewAccessKey> generated =
          RootAccount.ensure(backend.security().accounts(), backend.securityConfig());

      pki = ServerPki.prepareInBackground(backend, settings);
      dataPlane = DataPlane.prepare(backend, settings, pki, clock);
      jobs =
          Jobs.create(
              backend.store().jobsPorts(),
              backend.registry(),
              clock,
              Jobs.Settings.of(
                  DataDirectory.nodeId(backend.dataDir(), () -> ids.randomUuid().toString())),
              dataPlane.sources(),
              dataPlane.urls());
      jobs.start();
      // Device connections arriving before the server certificate is ready are closed; the
      // certificate is usually there within a second of the first start.
      gateway =
          Gateway.start(
              MqttSettings.from(settings),
              pki.brokerTls(),
              MqttSettings.storage(settings, backend.dataDir()),
              new Gateway.Services(
                  backend.security(),
                  backend.registry().thingConnectivity(),
                  jobs.device(),
                  shadows,
                  backend.registry().eventConfigurations(),
                  backend.store().changeLog()),
              new NodePositions(backend.dataDir().resolve("mqtt").resolve("positions")),
              clock);
      TunnelService tunnels = Tunnels.create(backend.store().tunnelPorts(), clock, ids);
      List<DataPlaneRoute> deviceRoutes = new ArrayList<>(gateway.httpsRoutes());
      deviceRoutes.add(
          gateway.mqttOverWebSocket(
              new SignedUpgrades(backend.security().accounts()::activeCredential, clock)));
      dataPlane.listen(
          TunnelRelay.start(
              tunnels, backend.store().changeLog(), TunnelSettings.relay(settings), clock),
          deviceRoutes);

      PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      JvmGcMetrics gcMetrics = bindJvmMetrics(meters);
      ControlPlaneApi api =
          new ControlPlaneApi(
              backend.registry(),
              backend.security(),
              fleetIndex,
              jobs,
              gateway.messaging(),
              shadows,
              tunnels,
              ApiConfig.from(settings),
              new PageTokenCodec(backend.masterKey().derive("page-tokens")),
              meters,
              clock,
              ids);
      Duration shutdownTimeout = settings.get(ServerSettings.SHUTDOWN_TIMEOUT);
      Javalin http =
          Javalin.create(
              config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.jetty.host = settings.get(ServerSettings.BIND);
                config.jetty.port = settings.get(ServerSettings.API_PORT);
                // API responses are small JSON documents: compressing them costs more than it
                // saves.
                config.http.compressionStrategy = CompressionStrategy.NONE;
                // Every signed request carries unique Authorization and X-Amz-Date values, so
                // Jetty's per-connection header cache would only churn.
                config.jetty.modifyHttpConfiguration(
                    httpConfig -> httpConfig.setHeaderCacheSize(0));
                config.jetty.modifyServer(
                    server -> {
                      server.setStopTimeout(shutdownTimeout.toMillis());
                      server.insertHandler(new GracefulHandler());
                    });
                config.routes.get(
                    "/health",
                    ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
                config.routes.get(
                    "/root-ca.pem",
                    ctx ->
                        ctx.contentType("application/x-pem-file")
                            .result(
                                backend.security().certificateAuthority().rootCertificatePem()));
                // The issuing CA then the root: what `openssl verify -CAfile` needs to check a
                // device certificate, which (as in AWS IoT) is returned without its chain.
                config.routes.get(
                    "/ca-chain.pem",
                    ctx -> {
                      CertificateAuthority ca = backend.security().certificateAuthority();
                      ctx.contentType("application/x-pem-file")
                          .result(ca.issuingCertificate().pem() + ca.rootCertificatePem());
                    });
                config.routes.get(
                    "/metrics",
                    ctx ->
                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(meters.scrape()));
                api.configure(config);
              });
      http.start();
      LamplighterServer server =
          new LamplighterServer(
              backend, http, gcMetrics, pki, fleetIndex, dataPlane, jobs, gateway);
      LOG.info(
          "Lamplighter API listening on http://{}:{} (data dir {}, ready in {} ms)",
          settings.get(ServerSettings.BIND),
          server.apiPort(),
          backend.dataDir(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      generated.ifPresent(
          key ->
              onRootKeyGenerated.accept(key, server.endpoint(settings.get(ServerSettings.BIND))));
      return server;
    } catch (RuntimeException e) {
      if (gateway != null) {
        gateway.close();
      }
      if (jobs != null) {
        jobs.close();
      }
      if (dataPlane != null) {
        dataPlane.close();
      }
      if (pki != null) {
        pki.close();
      }
      if (fleetIndex != null) {
        fleetIndex.close();
      }
      backend.close();
      throw e;
    }
  }

  /** Binds the JVM's metrics; returns the GC binder, which listens until it is closed. */
  private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry meters) {
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(meters);
    return gc;
  }

  /** The URL clients on this machine use for the API, such as {@code http://localhost:8080}. */
  String endpoint(String bind) {
    boolean local = bind.equals("0.0.0.0") || bind.equals("127.0.0.1") || bind.equals("::");
    return "http://" + (local ? "localhost" : bind) + ":" + apiPort();
  }

  /** The port the control-plane API listens on (the real one when 0 was configured). */
  public int apiPort() {
    return http.port();
  }

  /** The port the MQTT listener is bound to (the real one when 0 was configured). */
  public int mqttPort() {
    return gateway.port();
  }

  /** The port the data-plane HTTPS listener is bound to (the real one when 0 was configured). */
  public int dataPort() {
    return dataPlane.port();
  }

  /** Whether the device listeners have their TLS certificate (shortly after the first start). */
  public boolean deviceTlsReady() {
    return pki.brokerTls().identity().get() != null;
  }

  public Backend backend() {
    return backend;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Stopping: finishing requests in flight");
    http.stop();
    jobs.close();
    gateway.close();
    dataPlane.close();
    gcMetrics.close();
    pki.close();
    fleetIndex.close();
    backend.close();
    LOG.info("Stopped");
  }
}
