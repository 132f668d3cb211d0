package dev.lamplighter.server;

import dev.lamplighter.broker.BrokerTls;
import dev.lamplighter.core.config.Settings;
import dev.lamplighter.security.ServerTlsIdentity;
import dev.lamplighter.security.pki.CertificateAuthority;
import dev.lamplighter.server.config.ServerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own PKI at start-up, off the start-up path: the CA is loaded or created in the
 * background; once it is there, its root certificate is written to {@code <data-dir>/root-ca.pem}
 * for devices to trust, and the TLS certificate for the configured host names is issued (or
 * renewed). While the server runs, the TLS certificate is checked every few hours and issued again
 * once a third of its validity is left.
 */
final class ServerPki implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerPki.class);
  static final String ROOT_CA_FILE = "root-ca.pem";
  private static final Duration RENEWAL_CHECK = Duration.ofHours(6);

  private final ScheduledExecutorService renewals;
  private final AtomicReference<BrokerTls.Identity> tlsIdentity;

  private ServerPki(
      ScheduledExecutorService renewals, AtomicReference<BrokerTls.Identity> tlsIdentity) {
    this.renewals = renewals;
    this.tlsIdentity = tlsIdentity;
  }

  /**
   * The device listeners' TLS: the current server certificate and key, or none until the CA and
   * certificate are ready (connections arriving before are closed).
   */
  BrokerTls brokerTls() {
    return new BrokerTls(tlsIdentity::get);
  }

  static ServerPki prepareInBackground(Backend backend, Settings settings) {
    List<String> hostNames = hostNames(settings);
    ScheduledExecutorService renewals =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "server-certificate-renewal");
              thread.setDaemon(true);
              return thread;
            });
    AtomicReference<BrokerTls.Identity> tlsIdentity = new AtomicReference<>();
    backend
        .security()
        .whenCaReady(
            ca -> {
              writeRootCertificate(backend.dataDir(), ca);
              tlsIdentity.set(identity(backend, hostNames));
              LOG.info("Device TLS certificate ready for {}", hostNames);
              renewals.scheduleWithFixedDelay(
                  () -> renew(backend, hostNames, tlsIdentity),
                  RENEWAL_CHECK.toMinutes(),
                  RENEWAL_CHECK.toMinutes(),
                  TimeUnit.MINUTES);
            })
        .exceptionally(
            failure -> {
              LOG.error("Preparing the server's certificates failed", failure);
              return null;
            });
    return new ServerPki(renewals, tlsIdentity);
  }

  private static BrokerTls.Identity identity(Backend backend, List<String> hostNames) {
    ServerTlsIdentity identity = backend.security().serverTlsIdentity(hostNames);
    return new BrokerTls.Identity(identity.key(), identity.chain());
  }

  private static void renew(
      Backend backend, List<String> hostNames, AtomicReference<BrokerTls.Identity> tlsIdentity) {
    try {
      BrokerTls.Identity renewed = identity(backend, hostNames);
      BrokerTls.Identity current = tlsIdentity.get();
      if (current == null || !current.chain().equals(renewed.chain())) {
        tlsIdentity.set(renewed);
      }
    } catch (RuntimeException e) {
      // Kept running: the next check tries again while the current certificate is still valid.
      LOG.error("Renewing the server's TLS certificate failed", e);
    }
  }

  @Override
  public void close() {
    renewals.shutdownNow();
  }

  private static void writeRootCertificate(Path dataDir, CertificateAuthority ca) {
    Path target = dataDir.resolve(ROOT_CA_FILE);
    try {
      Path written =
          Files.createTempFile(
              dataDir,
              ".root-ca",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(written, ca.rootCertificatePem(), StandardCharsets.US_ASCII);
      Files.move(
          written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("Could not write [{}]: {}", target, e.getMessage());
    }
  }

  /** The configured host names, or localhost, 127.0.0.1 and this machine's name. */
  static List<String> hostNames(Settings settings) {
    Set<String> names = new LinkedHashSet<>();
    settings
        .find(ServerSettings.HOSTNAME)
        .ifPresentOrElse(
            configured ->
                Arrays.stream(configured.split(","))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .forEach(names::add),
            () -> {
              names.add("localhost");
              names.add("127.0.0.1");
              try {
                names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
              } catch (UnknownHostException e) {
                LOG.debug("This machine's host name is unknown: {}", e.getMessage());
              }
            });
    return new ArrayList<>(names);
  }
}
