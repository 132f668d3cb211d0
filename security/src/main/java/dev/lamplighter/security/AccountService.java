package dev.lamplighter.security;

import dev.lamplighter.core.tenancy.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * Accounts and their access keys, as the {@code lamplighter accounts} commands and the request
 * authenticator use them.
 *
 * <p>Threading: safe from any thread. Writes are durable when a method returns.
 */
public interface AccountService {

  /**
   * Creates an account.
   *
   * @param id the account id to use, or null to generate a random 12-digit one
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when the id is
   *     taken
   */
  Account createAccount(String name, AccountId id);

  List<Account> listAccounts();

  Optional<Account> findAccount(AccountId id);

  /**
   * Disables an account: none of its keys authenticates any more.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown account
   */
  void disableAccount(AccountId id);

  /**
   * Creates an access key with a random id and secret; the secret is returned only here.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown account
   */
  NewAccessKey createAccessKey(AccountId account);

  /**
   * Stores an access key whose id and secret were chosen outside (the root key from the
   * environment). An existing key of that id gets the new secret and becomes active.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown account;
   *     INVALID_REQUEST when the key belongs to another account or is malformed
   */
  AccessKey importAccessKey(AccountId account, String accessKeyId, String secretAccessKey);

  List<AccessKey> listAccessKeys(AccountId account);

  /**
   * Disables an access key.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown key
   */
  void disableAccessKey(String accessKeyId);

  /**
   * The credential to verify a signature made with {@code accessKeyId}, when the key and its
   * account are both active. Answers may be cached for a few seconds, so a key disabled by another
   * process stops working within that time.
   */
  Optional<SigningCredential> activeCredential(String accessKeyId);
}
