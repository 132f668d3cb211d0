package dev.lamplighter.server;

import dev.lamplighter.api.Endpoints;
import dev.lamplighter.core.config.Settings;
import dev.lamplighter.gateway.dataplane.BuiltInFiles;
import dev.lamplighter.gateway.dataplane.DataPlaneListener;
import dev.lamplighter.gateway.dataplane.DataPlaneRoute;
import dev.lamplighter.gateway.dataplane.FileDownloads;
import dev.lamplighter.gateway.dataplane.FileStore;
import dev.lamplighter.gateway.dataplane.FileUrls;
import dev.lamplighter.jobs.DocumentSources;
import dev.lamplighter.jobs.PresignedUrls;
import dev.lamplighter.relay.TunnelRelay;
import dev.lamplighter.server.config.FilesSettings;
import dev.lamplighter.server.config.ServerSettings;
import dev.lamplighter.server.files.ObjectStoreFiles;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-plane listener and the files job documents point devices to: the built-in file store
 * ({@code <data-dir>/files}) served with presigned URLs on the data-plane port, or, when {@code
 * --files-s3-endpoint} is set, an S3-compatible object store presigned with the AWS SDK. The
 * listener also serves the secure-tunneling relay at {@code /tunnel}, MQTT over WebSocket at {@code
 * /mqtt} and the device APIs the gateway offers over HTTPS with client certificates.
 */
final class DataPlane implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataPlane.class);

  private final Settings settings;
  private final ServerPki pki;
  private final FileDownloads downloads;
  private final AtomicInteger port;
  private final PresignedUrls urls;
  private final DocumentSources sources;
  private final ObjectStoreFiles objectStore;
  private DataPlaneListener listener;
  private TunnelRelay relay;

  private DataPlane(
      Settings settings,
      ServerPki pki,
      FileDownloads downloads,
      AtomicInteger port,
      PresignedUrls urls,
      DocumentSources sources,
      ObjectStoreFiles objectStore) {
    this.settings = settings;
    this.pki = pki;
    this.downloads = downloads;
    this.port = port;
    this.urls = urls;
    this.sources = sources;
    this.objectStore = objectStore;
  }

  /**
   * The files' ports, usable at once: the URLs they sign name the listener's port once {@link
   * #listen} has bound it.
   */
  static DataPlane prepare(Backend backend, Settings settings, ServerPki pki, Clock clock) {
    FileStore store = new FileStore(backend.dataDir().resolve("files"));
    AtomicInteger port = new AtomicInteger();
    String host = Endpoints.from(settings).address("iot:data-ats").orElse("localhost");
    FileUrls fileUrls =
        new FileUrls(backend.masterKey().derive("file-urls"), host, port::get, clock);
    FileDownloads downloads = new FileDownloads(store, fileUrls);
    if (settings.find(FilesSettings.S3_ENDPOINT).isEmpty()) {
      BuiltInFiles files = new BuiltInFiles(store, fileUrls);
      return new DataPlane(settings, pki, downloads, port, files, files, null);
    }
    String endpoint = settings.get(FilesSettings.S3_ENDPOINT);
    ObjectStoreFiles objectStore =
        new ObjectStoreFiles(
            endpoint,
            settings.get(FilesSettings.S3_REGION),
            settings.find(FilesSettings.S3_ACCESS_KEY_ID).orElse(""),
            settings.find(FilesSettings.S3_SECRET_ACCESS_KEY).orElse(""));
    LOG.info("Job files are presigned for the object store at {}", endpoint);
    return new DataPlane(settings, pki, downloads, port, objectStore, objectStore, objectStore);
  }

  /**
   * Binds the listener with the tunnel relay, {@code deviceRoutes} and the file downloads; the
   * relay is closed with the data plane.
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  void listen(TunnelRelay tunnelRelay, List<DataPlaneRoute> deviceRoutes) {
    this.relay = tunnelRelay;
    List<DataPlaneRoute> routes = new ArrayList<>();
    routes.add(tunnelRelay);
    routes.addAll(deviceRoutes);
    routes.add(downloads);
    listener =
        DataPlaneListener.start(
            settings.get(ServerSettings.BIND),
            settings.get(ServerSettings.DATA_PORT),
            pki.brokerTls(),
            routes);
    port.set(listener.port());
  }

  PresignedUrls urls() {
    return urls;
  }

  DocumentSources sources() {
    return sources;
  }

  int port() {
    return listener.port();
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (objectStore != null) {
      objectStore.close();
    }
  }
}
