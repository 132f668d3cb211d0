package dev.lamplighter.tunnels;

/** A tunnel's status: OPEN until closed or until its lifetime ends. */
public enum TunnelStatus {
  OPEN,
  CLOSED
}
