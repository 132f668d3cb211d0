package dev.lamplighter.tunnels.spi;

import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tx.Transactions;
import java.util.Objects;

/** Everything tunnels need from a store. */
public record TunnelPorts(
    Transactions transactions, ChangeLog changeLog, TunnelRepository tunnels) {
  public TunnelPorts {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(changeLog, "changeLog");
    Objects.requireNonNull(tunnels, "tunnels");
  }
}
