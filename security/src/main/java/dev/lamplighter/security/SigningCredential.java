package dev.lamplighter.security;

import dev.lamplighter.core.tenancy.AccountId;

/** What a SigV4 verifier needs to check a request signed with an active access key. */
public record SigningCredential(String accessKeyId, String secretAccessKey, AccountId account) {
  @Override
  public String toString() {
    return "SigningCredential[" + accessKeyId + ", account=" + account + "]";
  }
}
