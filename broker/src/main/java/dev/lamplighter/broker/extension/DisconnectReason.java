package dev.lamplighter.broker.extension;

/** Why a connection ended, named as AWS IoT names disconnect reasons in lifecycle events. */
public enum DisconnectReason {
  /** The client sent DISCONNECT. */
  CLIENT_INITIATED_DISCONNECT,
  /** The client broke the protocol (malformed packet, packet before CONNECT, QoS 2, …). */
  CLIENT_ERROR,
  /** The network connection closed without DISCONNECT. */
  CONNECTION_LOST,
  /** Another connection took over the client id. */
  DUPLICATE_CLIENTID,
  /** The client did something its rights forbid (an unauthorized publish on MQTT 3.1.1). */
  FORBIDDEN_ACCESS,
  /** Nothing arrived within 1.5 times the keep-alive. */
  MQTT_KEEP_ALIVE_TIMEOUT,
  /** The broker or its embedder closed the connection (DeleteConnection, revocation, shutdown). */
  SERVER_INITIATED_DISCONNECT,
  /** The client exceeded a rate or size limit. */
  THROTTLED,
  /** The broker failed while serving the client. */
  SERVER_ERROR
}
