package dev.lamplighter.shadow.spi;

import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tx.Transactions;
import java.util.Objects;

/** Everything shadows need from a store. */
public record ShadowPorts(
    Transactions transactions, ChangeLog changeLog, ShadowRepository shadows) {
  public ShadowPorts {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(changeLog, "changeLog");
    Objects.requireNonNull(shadows, "shadows");
  }
}
