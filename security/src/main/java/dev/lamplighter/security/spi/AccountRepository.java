package dev.lamplighter.security.spi;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.AccessKey;
import dev.lamplighter.security.Account;
import java.util.List;
import java.util.Optional;

/** Storage of accounts and access keys. Writes run inside a store transaction. */
public interface AccountRepository {

  /**
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS for a taken id
   */
  void insertAccount(Account account);

  Optional<Account> findAccount(AccountId id);

  /** All accounts ordered by id. */
  List<Account> listAccounts();

  void updateAccount(Account account);

  /**
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS for a taken id
   */
  void insertKey(StoredAccessKey key);

  /** Replaces the stored key of the same id (status and sealed secret). */
  void updateKey(StoredAccessKey key);

  Optional<StoredAccessKey> findKey(String accessKeyId);

  /** The account's keys ordered by id. */
  List<AccessKey> listKeys(AccountId account);
}
