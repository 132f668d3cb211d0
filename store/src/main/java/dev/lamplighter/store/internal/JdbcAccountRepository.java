package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.AccessKey;
import dev.lamplighter.security.Account;
import dev.lamplighter.security.Status;
import dev.lamplighter.security.spi.AccountRepository;
import dev.lamplighter.security.spi.StoredAccessKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Accounts and their access keys. Both are global, not scoped: an account is the scope's owner, and
 * a request's access key is looked up before its account is known. A key's secret is stored only
 * sealed, as the bytes the secret cipher produced.
 */
final class JdbcAccountRepository implements AccountRepository {
  private static final String ACCOUNT_COLUMNS = "account_id, name, status, created_at";
  private static final String KEY_COLUMNS = "access_key_id, account_id, status, created_at";

  private static final String INSERT_ACCOUNT =
      "INSERT INTO accounts ("
          + ACCOUNT_COLUMNS
          + ") VALUES (?, ?, ?, ?) ON CONFLICT (account_id) DO NOTHING";
  private static final String FIND_ACCOUNT =
      "SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE account_id = ?";
  private static final String LIST_ACCOUNTS =
      "SELECT " + ACCOUNT_COLUMNS + " FROM accounts ORDER BY account_id";
  private static final String UPDATE_ACCOUNT =
      "UPDATE accounts SET name = ?, status = ?, created_at = ? WHERE account_id = ?";

  private static final String INSERT_KEY =
      "INSERT INTO access_keys ("
          + KEY_COLUMNS
          + ", sealed_secret) VALUES (?, ?, ?, ?, ?) ON CONFLICT (access_key_id) DO NOTHING";
  private static final String UPDATE_KEY =
      "UPDATE access_keys SET status = ?, sealed_secret = ? WHERE access_key_id = ?";
  private static final String FIND_KEY =
      "SELECT " + KEY_COLUMNS + ", sealed_secret FROM access_keys WHERE access_key_id = ?";
  private static final String LIST_KEYS =
      "SELECT " + KEY_COLUMNS + " FROM access_keys WHERE account_id = ? ORDER BY access_key_id";

  private final Jdbc jdbc;

  JdbcAccountRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insertAccount(Account account) {
    String resource = account(account.id());
    jdbc.write(
        resource,
        connection -> {
          int inserted =
              Jdbc.update(
                  connection,
                  INSERT_ACCOUNT,
                  account.id().value(),
                  account.name(),
                  account.status().name(),
                  Instants.format(account.createdAt()));
          if (inserted == 0) {
            throw SqlErrors.alreadyExists(resource);
          }
          return null;
        });
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    return jdbc.read(
        account(id),
        connection ->
            Jdbc.queryOne(connection, FIND_ACCOUNT, JdbcAccountRepository::toAccount, id.value()));
  }

  @Override
  public List<Account> listAccounts() {
    return jdbc.read(
        "Accounts",
        connection -> Jdbc.query(connection, LIST_ACCOUNTS, JdbcAccountRepository::toAccount));
  }

  /**
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when the account does
   *     not exist
   */
  @Override
  public void updateAccount(Account account) {
    String resource = account(account.id());
    jdbc.write(
        resource,
        connection -> {
          int updated =
              Jdbc.update(
                  connection,
                  UPDATE_ACCOUNT,
                  account.name(),
                  account.status().name(),
                  Instants.format(account.createdAt()),
                  account.id().value());
          if (updated == 0) {
            throw SqlErrors.notFound(resource);
          }
          return null;
        });
  }

  @Override
  public void insertKey(StoredAccessKey stored) {
    AccessKey key = stored.key();
    String resource = key(key.accessKeyId());
    jdbc.write(
        resource,
        connection -> {
          int inserted =
              Jdbc.update(
                  connection,
                  INSERT_KEY,
                  key.accessKeyId(),
                  key.account().value(),
                  key.status().name(),
                  Instants.format(key.createdAt()),
                  stored.sealedSecret());
          if (inserted == 0) {
            throw SqlErrors.alreadyExists(resource);
          }
          return null;
        });
  }

  /**
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when the key does not
   *     exist
   */
  @Override
  public void updateKey(StoredAccessKey stored) {
    AccessKey key = stored.key();
    String resource = key(key.accessKeyId());
    jdbc.write(
        resource,
        connection -> {
          int updated =
              Jdbc.update(
                  connection,
                  UPDATE_KEY,
                  key.status().name(),
                  stored.sealedSecret(),
                  key.accessKeyId());
          if (updated == 0) {
            throw SqlErrors.notFound(resource);
          }
          return null;
        });
  }

  @Override
  public Optional<StoredAccessKey> findKey(String accessKeyId) {
    return jdbc.read(
        key(accessKeyId),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND_KEY,
                row -> new StoredAccessKey(toKey(row), row.getBytes("sealed_secret")),
                accessKeyId));
  }

  @Override
  public List<AccessKey> listKeys(AccountId account) {
    return jdbc.read(
        "Access keys of account " + account,
        connection ->
            Jdbc.query(connection, LIST_KEYS, JdbcAccountRepository::toKey, account.value()));
  }

  private static Account toAccount(ResultSet row) throws SQLException {
    return new Account(
        AccountId.of(row.getString("account_id")),
        row.getString("name"),
        Status.valueOf(row.getString("status")),
        Instants.parse(row.getString("created_at")));
  }

  private static AccessKey toKey(ResultSet row) throws SQLException {
    return new AccessKey(
        row.getString("access_key_id"),
        AccountId.of(row.getString("account_id")),
        Status.valueOf(row.getString("status")),
        Instants.parse(row.getString("created_at")));
  }

  private static String account(AccountId id) {
    return "Account " + id;
  }

  private static String key(String accessKeyId) {
    return "Access key " + accessKeyId;
  }
}
