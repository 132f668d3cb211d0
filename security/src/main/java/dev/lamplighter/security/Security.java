package dev.lamplighter.security;

import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.security.internal.AccountServiceImpl;
import dev.lamplighter.security.spi.SecurityPorts;
import java.time.Clock;

/** The security module's services, wired to a store and the master key. */
public final class Security {
  private final AccountService accounts;

  private Security(SecurityPorts ports, MasterKey masterKey, Clock clock, IdSource ids) {
    this.accounts =
        new AccountServiceImpl(ports, SecretCipher.forSecretsAtRest(masterKey), clock, ids);
  }

  public static Security create(
      SecurityPorts ports, MasterKey masterKey, Clock clock, IdSource ids) {
    return new Security(ports, masterKey, clock, ids);
  }

  public AccountService accounts() {
    return accounts;
  }
}
