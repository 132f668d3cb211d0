package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.testkit.TestCertificate;
import dev.lamplighter.testkit.TestPki;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TLS listener with certificates generated for the test: client certificates are required and
 * handed to the authenticator, and ALPN answers what AWS IoT Device SDKs ask for.
 */
class TlsListenerTest {
  private static final char[] PASSWORD = "test".toCharArray();

  private final TestPki pki = new TestPki(Clock.systemUTC());
  private final TestCertificate server =
      pki.rootCa()
          .certificate("CN=localhost")
          .server()
          .dnsNames("localhost")
          .ipAddresses("127.0.0.1")
          .issue();
  private final TestCertificate device = pki.rootCa().issue("CN=lamp-1");
  private final AtomicReference<ConnectRequest> seen = new AtomicReference<>();
  private final AtomicReference<BrokerTls.Identity> identity =
      new AtomicReference<>(identity(server));
  private final TestBroker broker =
      TestBroker.tls(
          new BrokerTls(identity::get),
          request -> {
            seen.set(request);
            return Authentication.accepted(
                TestBroker.NAMESPACE, "lamp", ConnectionAuthority.allowAll());
          });

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void clientWithCertificate_connectsAndRoundTripsAMessage() throws Exception {
    Mqtt5BlockingClient client = tlsClient("lamp-1", device);
    client.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        client.publishes(MqttGlobalPublishFilter.ALL)) {
      client.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_LEAST_ONCE).send();

      client
          .publishWith()
          .topic("lamps/1")
          .payload("on".getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();

      Mqtt5Publish received = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(RoutingTest.payload(received)).isEqualTo("on");
    } finally {
      client.disconnect();
    }
  }

  @Test
  void authenticator_seesTheCertificateTheClientPresented() throws Exception {
    Mqtt5BlockingClient client = tlsClient("lamp-1", device);
    client.connect();
    client.disconnect();

    ConnectRequest request = seen.get();
    assertThat(request.clientId()).isEqualTo("lamp-1");
    assertThat(request.peerCertificates()).isNotEmpty();
    assertThat(request.peerCertificates().get(0)).isEqualTo(device.x509());
  }

  @Test
  void certificatesTheRegistryMightRefuse_stillReachTheAuthenticator() throws Exception {
    TestCertificate stranger = pki.newRootCa("Other CA").issue("CN=stranger");
    TestCertificate expired = pki.rootCa().issueExpired("CN=old-lamp");

    for (TestCertificate certificate : List.of(stranger, expired)) {
      Mqtt5BlockingClient client = tlsClient("lamp-1", certificate);
      client.connect();
      client.disconnect();

      assertThat(seen.get().peerCertificates().get(0)).isEqualTo(certificate.x509());
    }
  }

  @Test
  void noServerIdentityYet_closesNewConnections() throws Exception {
    identity.set(null);

    try (SSLSocket socket = jdkSocket(device)) {
      assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class);
    }
    assertThat(seen.get()).isNull();
  }

  @Test
  void clientWithoutCertificate_cannotConnect() throws Exception {
    Mqtt5BlockingClient client =
        Mqtt5Client.builder()
            .identifier("anonymous")
            .serverHost("127.0.0.1")
            .serverPort(broker.port())
            .sslConfig()
            .trustManagerFactory(trustingTestCa())
            .applySslConfig()
            .buildBlocking();

    assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
    assertThat(seen.get()).isNull();
  }

  @Test
  void plainTcp_onTheTlsPort_getsNoConnack() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", broker.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(connectBytes("plain"));
      out.flush();

      InputStream in = socket.getInputStream();
      int first;
      try {
        first = in.read();
      } catch (SocketTimeoutException e) {
        first = -2;
      }
      // Either the connection ends, or a TLS alert (0x15) comes back: never CONNACK (0x20).
      assertThat(first).isIn(-1, 0x15);
    }
    assertThat(seen.get()).isNull();
  }

  @Test
  void alpn_offeredByAwsDeviceSdks_isSelected() throws Exception {
    try (SSLSocket socket = jdkSocket(device)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"x-amzn-mqtt-ca"});
      parameters.setServerNames(List.of(new SNIHostName("iot.lamplighter.test")));
      socket.setSSLParameters(parameters);

      socket.startHandshake();

      assertThat(socket.getApplicationProtocol()).isEqualTo("x-amzn-mqtt-ca");
      assertThat(connackCode(socket, "alpn-client")).isZero();
      assertThat(seen.get().serverName()).isEqualTo("iot.lamplighter.test");
    }
  }

  @Test
  void clientOfferingNoAlpn_stillConnects() throws Exception {
    try (SSLSocket socket = jdkSocket(device)) {
      socket.startHandshake();

      assertThat(socket.getApplicationProtocol()).isEmpty();
      assertThat(connackCode(socket, "no-alpn")).isZero();
    }
  }

  @Test
  void renewedServerCertificate_isUsedForNewConnectionsWithoutRestart() throws Exception {
    TestCertificate renewed =
        pki.rootCa().certificate("CN=localhost").server().dnsNames("localhost").issue();
    try (SSLSocket before = jdkSocket(device)) {
      before.startHandshake();
      assertThat(before.getSession().getPeerCertificates()[0]).isEqualTo(server.x509());
    }

    identity.set(identity(renewed));

    try (SSLSocket after = jdkSocket(device)) {
      after.startHandshake();
      assertThat(after.getSession().getPeerCertificates()[0]).isEqualTo(renewed.x509());
    }
  }

  private Mqtt5BlockingClient tlsClient(String clientId, TestCertificate certificate)
      throws Exception {
    return Mqtt5Client.builder()
        .identifier(clientId)
        .serverHost("127.0.0.1")
        .serverPort(broker.port())
        .sslConfig()
        .keyManagerFactory(keyManager(certificate))
        .trustManagerFactory(trustingTestCa())
        .applySslConfig()
        .buildBlocking();
  }

  private SSLSocket jdkSocket(TestCertificate certificate) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        keyManager(certificate).getKeyManagers(), trustingTestCa().getTrustManagers(), null);
    SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", broker.port());
    socket.setSoTimeout(5000);
    return socket;
  }

  private KeyManagerFactory keyManager(TestCertificate certificate) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "client",
        certificate.keyPair().getPrivate(),
        PASSWORD,
        new Certificate[] {certificate.x509()});
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, PASSWORD);
    return factory;
  }

  private TrustManagerFactory trustingTestCa() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", pki.rootCa().certificate().x509());
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  private BrokerTls.Identity identity(TestCertificate certificate) {
    List<X509Certificate> chain = List.of(certificate.x509(), pki.rootCa().certificate().x509());
    return new BrokerTls.Identity(certificate.keyPair().getPrivate(), chain);
  }

  /** Sends CONNECT over {@code socket} and returns the CONNACK return code. */
  private static int connackCode(Socket socket, String clientId) throws Exception {
    socket.getOutputStream().write(connectBytes(clientId));
    socket.getOutputStream().flush();
    InputStream in = socket.getInputStream();
    byte[] connack = in.readNBytes(4);
    assertThat(connack).hasSize(4);
    assertThat(connack[0]).isEqualTo((byte) 0x20);
    return connack[3];
  }

  private static byte[] connectBytes(String clientId) {
    EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
    encoder.writeOutbound(
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_3_1_1)
            .clientId(clientId)
            .cleanSession(true)
            .keepAlive(60)
            .build());
    ByteBuf bytes = encoder.readOutbound();
    byte[] raw = ByteBufUtil.getBytes(bytes);
    bytes.release();
    encoder.finishAndReleaseAll();
    return raw;
  }
}
