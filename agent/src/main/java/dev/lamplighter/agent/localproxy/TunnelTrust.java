package dev.lamplighter.agent.localproxy;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS client context for the relay: TLS 1.2 or 1.3, the relay's certificate checked against the
 * JDK's roots plus those of {@code -c}, and its name checked against the endpoint's host (the same
 * host goes out as SNI, see {@link SslContext#newHandler(io.netty.buffer.ByteBufAllocator, String,
 * int)}).
 */
final class TunnelTrust {
  private TunnelTrust() {}

  static SslContext clientContext(Path caPath) {
    try {
      return SslContextBuilder.forClient()
          .protocols("TLSv1.3", "TLSv1.2")
          .trustManager(trustManagers(caPath))
          .endpointIdentificationAlgorithm("HTTPS")
          .build();
    } catch (SSLException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static TrustManagerFactory trustManagers(Path caPath) {
    try {
      TrustManagerFactory jdk =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jdk.init((KeyStore) null);
      if (caPath == null) {
        return jdk;
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (TrustManager manager : jdk.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate root : x509.getAcceptedIssuers()) {
            store.setCertificateEntry("jdk-" + i++, root);
          }
        }
      }
      List<Certificate> extra = certificates(caPath);
      if (extra.isEmpty()) {
        throw new IllegalArgumentException("-c/--capath: no PEM certificate in " + caPath);
      }
      for (Certificate certificate : extra) {
        store.setCertificateEntry("capath-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("-c/--capath: " + e.getMessage(), e);
    }
  }

  /** The certificates of a PEM file, or of every readable PEM file of a directory. */
  private static List<Certificate> certificates(Path caPath) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(caPath)) {
      try (Stream<Path> entries = Files.list(caPath)) {
        entries.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    } else {
      files.add(caPath);
    }
    List<Certificate> certificates = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        certificates.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
      } catch (CertificateException e) {
        if (!Files.isDirectory(caPath)) {
          throw new IOException("not a PEM certificate file: " + file, e);
        }
        // A directory may hold other files (OpenSSL's hashed links point at the same PEMs).
      }
    }
    return certificates;
  }
}
