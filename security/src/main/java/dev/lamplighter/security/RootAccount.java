package dev.lamplighter.security;

import dev.lamplighter.core.tenancy.AccountId;
import java.util.Optional;

/**
 * Makes sure the root account and its access key exist when the server starts.
 *
 * <p>With the root credentials configured, the account is created if missing and the key is stored
 * (or its secret replaced). Without them, a root account with a random id and a random key is
 * created on the first start only — when no account exists yet — and the new key is returned so the
 * caller can print it once. Its secret is not kept anywhere in plain text.
 */
public final class RootAccount {
  public static final String NAME = "root";

  private RootAccount() {}

  /**
   * Ensures the root account.
   *
   * @return the generated key to show the operator, or empty when nothing was generated
   */
  public static Optional<NewAccessKey> ensure(AccountService accounts, SecurityConfig config) {
    if (config.rootAccessKeyId().isPresent()) {
      AccountId id =
          config
              .rootAccountId()
              .or(() -> accounts.listAccounts().stream().map(Account::id).findFirst())
              .orElse(null);
      Account root = existingOrNew(accounts, id);
      accounts.importAccessKey(
          root.id(), config.rootAccessKeyId().get(), config.rootSecretAccessKey().orElseThrow());
      return Optional.empty();
    }
    if (config.rootAccountId().isPresent()) {
      Account root = existingOrNew(accounts, config.rootAccountId().get());
      if (accounts.listAccessKeys(root.id()).isEmpty()) {
        return Optional.of(accounts.createAccessKey(root.id()));
      }
      return Optional.empty();
    }
    if (!accounts.listAccounts().isEmpty()) {
      return Optional.empty();
    }
    Account root = accounts.createAccount(NAME, null);
    return Optional.of(accounts.createAccessKey(root.id()));
  }

  private static Account existingOrNew(AccountService accounts, AccountId id) {
    if (id == null) {
      return accounts.createAccount(NAME, null);
    }
    return accounts.findAccount(id).orElseGet(() -> accounts.createAccount(NAME, id));
  }
}
