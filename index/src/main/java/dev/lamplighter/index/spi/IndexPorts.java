package dev.lamplighter.index.spi;

import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tx.Transactions;
import java.util.Objects;

/** Everything the fleet index needs from a store. */
public record IndexPorts(
    Transactions transactions,
    ChangeLog changeLog,
    IndexingConfigurationRepository indexingConfigurations) {
  public IndexPorts {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(changeLog, "changeLog");
    Objects.requireNonNull(indexingConfigurations, "indexingConfigurations");
  }
}
