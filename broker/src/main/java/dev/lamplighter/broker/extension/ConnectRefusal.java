package dev.lamplighter.broker.extension;

/**
 * Why a connection is refused. The broker answers MQTT 5 clients with the reason code and MQTT
 * 3.1.1 clients with the nearest return code.
 */
public enum ConnectRefusal {
  /** MQTT 5 0x87, MQTT 3.1.1 0x05. */
  NOT_AUTHORIZED,
  /** MQTT 5 0x86, MQTT 3.1.1 0x04. */
  BAD_CREDENTIALS,
  /** MQTT 5 0x85, MQTT 3.1.1 0x02. */
  CLIENT_IDENTIFIER_NOT_VALID,
  /** MQTT 5 0x88, MQTT 3.1.1 0x03. */
  SERVER_UNAVAILABLE,
  /** MQTT 5 0x9F, MQTT 3.1.1 0x03. */
  CONNECTION_RATE_EXCEEDED
}
