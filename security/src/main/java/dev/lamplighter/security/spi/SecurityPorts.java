package dev.lamplighter.security.spi;

import dev.lamplighter.core.tx.Transactions;
import java.util.Objects;

/** Everything the security module needs from a store. */
public record SecurityPorts(Transactions transactions, AccountRepository accounts) {
  public SecurityPorts {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(accounts, "accounts");
  }
}
