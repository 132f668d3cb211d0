package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.testkit.TestCertificate;
import dev.lamplighter.testkit.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection that opens TCP and then stalls, before or during the TLS handshake or before
 * CONNECT, is closed by the broker within the connect timeout, so idle sockets cannot pile up.
 */
class IdleConnectionTimeoutTest {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);

  /** How long the test waits for the close: the timeout plus generous slack for a slow machine. */
  private static final Duration PATIENCE = CONNECT_TIMEOUT.plusSeconds(5);

  /** The first bytes of a TLS ClientHello record that announces 512 bytes and sends 9. */
  private static final byte[] HALF_CLIENT_HELLO = {
    0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xFC, 0x03, 0x03, 0x11, 0x22, 0x33
  };

  /** A CONNECT whose remaining length says 16 bytes and that stops after 4 of them. */
  private static final byte[] HALF_CONNECT = {0x10, 0x10, 0x00, 0x04, 'M', 'Q'};

  private TestBroker broker;

  @AfterEach
  void stop() {
    broker.close();
  }

  private static BrokerSettings shortTimeout() {
    return TestBroker.settings(CONNECT_TIMEOUT, 500, 1);
  }

  private void tlsBroker() {
    TestPki pki = new TestPki(Clock.systemUTC());
    TestCertificate server = pki.rootCa().issue("CN=localhost");
    BrokerTls tls =
        new BrokerTls(
            () ->
                new BrokerTls.Identity(
                    server.keyPair().getPrivate(),
                    List.of(server.x509(), pki.rootCa().certificate().x509())));
    broker = TestBroker.tls(shortTimeout(), tls, TestBroker.allowAll());
  }

  @Test
  void tlsConnection_sendingNothing_isClosedWithinTheConnectTimeout() throws IOException {
    tlsBroker();
    assertClosedWithinConnectTimeout(new byte[0]);
  }

  @Test
  void tlsConnection_sendingHalfAClientHello_isClosedWithinTheConnectTimeout() throws IOException {
    tlsBroker();
    assertClosedWithinConnectTimeout(HALF_CLIENT_HELLO);
  }

  @Test
  void plainConnection_sendingNothing_isClosedWithinTheConnectTimeout() throws IOException {
    broker = TestBroker.plain(shortTimeout(), TestBroker.allowAll());
    assertClosedWithinConnectTimeout(new byte[0]);
  }

  @Test
  void plainConnection_sendingHalfAConnect_isClosedWithinTheConnectTimeout() throws IOException {
    broker = TestBroker.plain(shortTimeout(), TestBroker.allowAll());
    assertClosedWithinConnectTimeout(HALF_CONNECT);
  }

  private void assertClosedWithinConnectTimeout(byte[] sent) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", broker.port())) {
      long start = System.nanoTime();
      socket.getOutputStream().write(sent);
      socket.getOutputStream().flush();
      socket.setSoTimeout((int) PATIENCE.toMillis());
      InputStream in = socket.getInputStream();
      boolean closed;
      try {
        closed = in.read() < 0;
      } catch (SocketTimeoutException e) {
        closed = false;
      } catch (IOException reset) {
        closed = true;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(closed).as("closed by the broker after %s", took).isTrue();
      // Not closed at once for some other reason: the timeout did it.
      assertThat(took).isGreaterThanOrEqualTo(CONNECT_TIMEOUT.minusMillis(50));
    }
    assertThat(broker.events).isEmpty();
  }
}
