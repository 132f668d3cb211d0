package dev.lamplighter.tunnels.internal;

/** STUB. */
public abstract class TunnelServiceImpl implements dev.lamplighter.tunnels.TunnelService {
  public TunnelServiceImpl(
      dev.lamplighter.tunnels.spi.TunnelPorts p,
      java.time.Clock c,
      dev.lamplighter.core.random.IdSource i) {}
}
