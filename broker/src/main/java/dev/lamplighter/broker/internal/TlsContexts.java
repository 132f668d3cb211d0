package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.BrokerTls;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The listener's TLS context, rebuilt when the identity supplier returns a new identity (a renewed
 * server certificate). TLS 1.2 and 1.3 only; a client certificate is required; ALPN offers {@code
 * x-amzn-mqtt-ca} (which AWS IoT Device SDKs ask for) and {@code mqtt}, and a client that offers
 * neither still connects.
 */
final class TlsContexts {
  static final String AWS_ALPN = "x-amzn-mqtt-ca";

  /**
   * BoringSSL when its native library loads here (several times cheaper per byte), else the JDK.
   */
  static final SslProvider PROVIDER =
      SslProvider.isAlpnSupported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;

  private final BrokerTls tls;
  private final AtomicReference<Built> current = new AtomicReference<>();

  private record Built(BrokerTls.Identity identity, SslContext context) {}

  TlsContexts(BrokerTls tls) {
    this.tls = tls;
  }

  /** The context for a new connection, or null while no identity is ready. */
  SslContext current() throws SSLException {
    BrokerTls.Identity identity = tls.identity().get();
    if (identity == null) {
      return null;
    }
    Built built = current.get();
    if (built != null && built.identity().equals(identity)) {
      return built.context();
    }
    SslContext context =
        SslContextBuilder.forServer(
                identity.key(), identity.chain().toArray(X509Certificate[]::new))
            .sslProvider(PROVIDER)
            .protocols("TLSv1.3", "TLSv1.2")
            .clientAuth(ClientAuth.REQUIRE)
            .trustManager(new RegistryDecidesTrust())
            .applicationProtocolConfig(
                new ApplicationProtocolConfig(
                    ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    AWS_ALPN,
                    "mqtt"))
            .build();
    current.set(new Built(identity, context));
    return context;
  }

  /**
   * Accepts any client chain at the TLS layer: the handshake still proves the client holds the
   * leaf's private key, and the authenticator decides trust from the registry on CONNECT (a CA or
   * certificate registered a second ago counts; no trust store to reload). Advertises no issuers.
   */
  private static final class RegistryDecidesTrust extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      requireChain(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      requireChain(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      requireChain(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("the broker does not connect to servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("the broker does not connect to servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("the broker does not connect to servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }

    private static void requireChain(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("a client certificate is required");
      }
    }
  }
}
