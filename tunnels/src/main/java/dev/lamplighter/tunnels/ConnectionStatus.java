package dev.lamplighter.tunnels;

/** Whether a tunnel's side has a client connected to the relay. */
public enum ConnectionStatus {
  CONNECTED,
  DISCONNECTED
}
