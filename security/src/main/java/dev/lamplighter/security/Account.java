package dev.lamplighter.security;

import dev.lamplighter.core.tenancy.AccountId;
import java.time.Instant;

/** A tenant: every resource belongs to one account (and one region). */
public record Account(AccountId id, String name, Status status, Instant createdAt) {
  public Account withStatus(Status newStatus) {
    return new Account(id, name, newStatus, createdAt);
  }
}
