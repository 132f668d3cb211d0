package dev.lamplighter.tunnels.spi;

/** STUB. */
public interface TunnelRepository {}
