package dev.lamplighter.security;

import dev.lamplighter.core.tenancy.AccountId;
import java.time.Instant;

/** An access key of an account, without its secret. */
public record AccessKey(String accessKeyId, AccountId account, Status status, Instant createdAt) {
  public AccessKey withStatus(Status newStatus) {
    return new AccessKey(accessKeyId, account, newStatus, createdAt);
  }
}
