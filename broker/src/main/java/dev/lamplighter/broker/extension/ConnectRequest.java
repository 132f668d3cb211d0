package dev.lamplighter.broker.extension;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the broker knows of a connection when it asks to be accepted.
 *
 * @param clientId the client id (the broker assigns one when an MQTT 5 client sent none)
 * @param protocolVersion the protocol level of CONNECT
 * @param cleanStart clean session (3.1.1) or clean start (5)
 * @param keepAliveSeconds the keep-alive the broker grants (already brought into its range)
 * @param username the user name, or null
 * @param peerCertificates the client's TLS certificate chain, leaf first; empty without TLS
 * @param remoteAddress the client's address
 * @param serverName the TLS server name (SNI) the client asked for, or null
 * @param will the client's will, if any
 * @param transportIdentity what the embedder's own transport established for a connection it handed
 *     over with {@link dev.lamplighter.broker.MqttBroker#serve}; null on the broker's listener
 */
public record ConnectRequest(
    String clientId,
    ProtocolVersion protocolVersion,
    boolean cleanStart,
    int keepAliveSeconds,
    String username,
    List<X509Certificate> peerCertificates,
    InetSocketAddress remoteAddress,
    String serverName,
    Optional<Message> will,
    TransportIdentity transportIdentity) {
  public ConnectRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(protocolVersion, "protocolVersion");
    peerCertificates = List.copyOf(peerCertificates);
    Objects.requireNonNull(will, "will");
  }

  /** A request from the broker's own listener, without a transport identity. */
  public ConnectRequest(
      String clientId,
      ProtocolVersion protocolVersion,
      boolean cleanStart,
      int keepAliveSeconds,
      String username,
      List<X509Certificate> peerCertificates,
      InetSocketAddress remoteAddress,
      String serverName,
      Optional<Message> will) {
    this(
        clientId,
        protocolVersion,
        cleanStart,
        keepAliveSeconds,
        username,
        peerCertificates,
        remoteAddress,
        serverName,
        will,
        null);
  }
}
